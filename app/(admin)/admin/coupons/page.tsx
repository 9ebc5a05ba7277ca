// GET /admin/coupons — coupons with their usage counts, referral rewards and billing settings
import type { Metadata } from "next";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormCard } from "@/components/admin/form-card";
import { StatusBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { couponDurationLabel, couponState } from "@/lib/billing/coupon-state";
import { listCoupons } from "@/lib/billing/coupons";
import { listTiers } from "@/lib/catalog/tiers";
import { formatCredits } from "@/lib/catalog/money";
import { getSettings } from "@/lib/settings/settings";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/utils/format";
import { AdminPage } from "../../_components/admin-page";
import { toggleCouponFormAction } from "./actions";
import { BillingSettingsForm } from "./billing-settings-form";
import { CouponForm } from "./coupon-form";
import { ReferralForm } from "./referral-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Coupons and referrals" };

type Coupon = Awaited<ReturnType<typeof listCoupons>>[number];

export default async function CouponsPage() {
  await requireAdmin();
  const [coupons, tiers, settings, referred, rewarded] = await Promise.all([
    listCoupons(),
    listTiers(),
    getSettings(),
    db.user.count({ where: { referredById: { not: null } } }),
    db.user.count({ where: { referralRewardedAt: { not: null } } }),
  ]);
  return (
    <AdminPage
      title="Coupons and referrals"
      description="Credit coupons are redeemed on the Credits page, percent-off coupons at checkout; each once per workspace."
    >
      <FormCard
        title="Referral rewards"
        description={`Paid once per referred user, after they verify their email and make a first payment. So far ${referred} people signed up with a referral link and ${rewarded} of them paid.`}
      >
        <ReferralForm
          referrer={formatCredits(settings.referralReferrerMillicredits).replaceAll(",", "")}
          newUser={formatCredits(settings.referralNewUserMillicredits).replaceAll(",", "")}
        />
      </FormCard>
      <FormCard
        title="Billing settings"
        description="How long credits last, and how renewals treat unused included credits and failed payments."
      >
        <BillingSettingsForm
          rolloverPercent={settings.rolloverPercent}
          promotionalCreditDays={settings.promotionalCreditDays}
          paymentGraceDays={settings.paymentGraceDays}
        />
      </FormCard>
      <FormCard title="New coupon">
        <CouponForm
          tiers={tiers.filter((t) => t.monthlyPriceCents > 0).map((t) => ({ id: t.id, name: t.name }))}
        />
      </FormCard>
      <DataTable<Coupon>
        label="Coupons"
        rows={coupons}
        rowKey={(c) => c.id}
        empty={<EmptyState title="No coupons yet" />}
        columns={[
          { header: "Code", kind: "primary", className: "font-mono", cell: (c) => c.code },
          {
            header: "Gives",
            cell: (c) =>
              c.kind === "credits" ? `${formatCredits(c.millicredits)} credits` : couponDurationLabel(c),
          },
          {
            header: "Applies to",
            cell: (c) =>
              c.kind === "credits"
                ? "Credits page"
                : c.tierIds.length
                  ? tiers
                      .filter((t) => c.tierIds.includes(t.id))
                      .map((t) => t.name)
                      .join(", ")
                  : "Every plan and pack",
          },
          {
            header: "Redeemed",
            kind: "numeric",
            cell: (c) => `${c.redemptionCount}${c.maxRedemptions !== null ? ` / ${c.maxRedemptions}` : ""}`,
          },
          {
            header: "Valid",
            className: "whitespace-nowrap",
            cell: (c) => (
              <>
                {c.startsAt ? <span className="block">From {formatDate(c.startsAt)}</span> : null}
                {c.expiresAt ? `Until ${formatDate(c.expiresAt)}` : "Never expires"}
              </>
            ),
          },
          // One rule for the state (lib/billing/coupon-state.ts), as at checkout and on the Credits page.
          { header: "Status", cell: (c) => <StatusBadge status={couponState(c)} /> },
          {
            header: "Actions",
            kind: "actions",
            cell: (c) => (
              <form action={toggleCouponFormAction}>
                <input type="hidden" name="id" value={c.id} />
                <input type="hidden" name="active" value={c.active ? "no" : "yes"} />
                <SubmitButton
                  size="sm"
                  variant="outline"
                  aria-label={`${c.active ? "Disable" : "Enable"} ${c.code}`}
                >
                  {c.active ? "Disable" : "Enable"}
                </SubmitButton>
              </form>
            ),
          },
        ]}
      />
    </AdminPage>
  );
}
