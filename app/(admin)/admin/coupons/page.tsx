// GET /admin/coupons — coupons with their usage counts, referral rewards and billing settings
import type { Metadata } from "next";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormCard } from "@/components/admin/form-card";
import { StatusBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { listCoupons } from "@/lib/billing/coupons";
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
  const [coupons, settings, referred, rewarded] = await Promise.all([
    listCoupons(),
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
        <CouponForm />
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
              c.kind === "credits" ? `${formatCredits(c.millicredits)} credits` : `${c.percentOff}% off`,
          },
          {
            header: "Redeemed",
            kind: "numeric",
            cell: (c) => `${c.redemptionCount}${c.maxRedemptions !== null ? ` / ${c.maxRedemptions}` : ""}`,
          },
          {
            header: "Expires",
            className: "whitespace-nowrap",
            cell: (c) => (c.expiresAt ? formatDate(c.expiresAt) : "Never"),
          },
          { header: "Status", cell: (c) => <StatusBadge status={c.active ? "active" : "inactive"} /> },
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
                  aria-label={`${c.active ? "Deactivate" : "Activate"} ${c.code}`}
                >
                  {c.active ? "Deactivate" : "Activate"}
                </SubmitButton>
              </form>
            ),
          },
        ]}
      />
    </AdminPage>
  );
}
