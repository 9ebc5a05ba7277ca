// GET /admin/coupons — coupons with their usage counts, referral rewards and billing settings
import type { Metadata } from "next";
import { SubmitButton } from "@/components/forms/submit-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { listCoupons } from "@/lib/billing/coupons";
import { formatCredits } from "@/lib/catalog/money";
import { getSettings } from "@/lib/settings/settings";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/utils/format";
import { toggleCouponFormAction } from "./actions";
import { BillingSettingsForm } from "./billing-settings-form";
import { CouponForm } from "./coupon-form";
import { ReferralForm } from "./referral-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Coupons and referrals" };

export default async function CouponsPage() {
  await requireAdmin();
  const [coupons, settings, referred, rewarded] = await Promise.all([
    listCoupons(),
    getSettings(),
    db.user.count({ where: { referredById: { not: null } } }),
    db.user.count({ where: { referralRewardedAt: { not: null } } }),
  ]);
  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Coupons and referrals</h1>
        <p className="text-muted-foreground">
          Credit coupons are redeemed on the Credits page, percent-off coupons at checkout; each once per
          workspace.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Referral rewards</CardTitle>
          <CardDescription>
            Paid once per referred user, after they verify their email and make a first payment. So far{" "}
            {referred} people signed up with a referral link and {rewarded} of them paid.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ReferralForm
            referrer={formatCredits(settings.referralReferrerMillicredits).replaceAll(",", "")}
            newUser={formatCredits(settings.referralNewUserMillicredits).replaceAll(",", "")}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Billing settings</CardTitle>
          <CardDescription>
            How plan renewals treat unused included credits and failed payments.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <BillingSettingsForm
            rolloverPercent={settings.rolloverPercent}
            paymentGraceDays={settings.paymentGraceDays}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>New coupon</CardTitle>
        </CardHeader>
        <CardContent>
          <CouponForm />
        </CardContent>
      </Card>
      {coupons.length === 0 ? (
        <EmptyState title="No coupons yet" />
      ) : (
        <DataTable label="Coupons">
          <thead>
            <tr>
              <Th>Code</Th>
              <Th>Gives</Th>
              <Th className="text-right">Redeemed</Th>
              <Th>Expires</Th>
              <Th>Status</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          <tbody>
            {coupons.map((c) => (
              <tr key={c.id}>
                <Td className="font-mono">{c.code}</Td>
                <Td>
                  {c.kind === "credits" ? `${formatCredits(c.millicredits)} credits` : `${c.percentOff}% off`}
                </Td>
                <Td className="text-right tabular-nums">
                  {c.redemptionCount}
                  {c.maxRedemptions !== null ? ` / ${c.maxRedemptions}` : ""}
                </Td>
                <Td className="whitespace-nowrap">{c.expiresAt ? formatDate(c.expiresAt) : "Never"}</Td>
                <Td>
                  <Badge variant="outline">{c.active ? "Active" : "Inactive"}</Badge>
                </Td>
                <Td className="text-right">
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
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
