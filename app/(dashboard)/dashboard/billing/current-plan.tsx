import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { liveSubscription } from "@/lib/billing/subscriptions";
import { priceFor } from "@/lib/billing/plan-change";
import { termsOf } from "@/lib/billing/plan-versions";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import type { Tier } from "@/lib/db";
import { termChanges } from "@/lib/payments/plan-moves";
import { formatCount, formatDate } from "@/lib/utils/format";
import { CancelPlan } from "./cancel-plan";
import { planName } from "./plan-options";
import { ScheduledChange } from "./scheduled-change";

export type PaidSubscription = NonNullable<Awaited<ReturnType<typeof liveSubscription>>>;

const linkClass =
  "rounded-sm font-medium underline underline-offset-4 hover:text-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

type Props = {
  /** The live subscription when it is on a paid tier, else null (the free plan). */
  subscription: PaidSubscription | null;
  scheduledTier: Tier | null;
  paymentGraceDays: number;
  managesBilling: boolean;
};

/** "$79 a month · 100,000 credits every month · 3,000 quota units a day": the terms this subscription was sold at. */
function termsLine(sub: PaidSubscription) {
  const terms = termsOf(sub.planVersion ?? sub.tier);
  return [
    `${formatCents(priceFor(terms, sub.interval), terms.currency)} a ${sub.interval}`,
    `${formatCredits(terms.includedMillicredits)} credits every month`,
    `${formatCount(terms.dailyQuotaUnits)} quota units a day`,
  ].join(" · ");
}

/** Tier, interval, terms and status; a failed payment, a scheduled change, and switching to pay as you go. */
export function CurrentPlanCard({
  subscription: sub,
  scheduledTier,
  paymentGraceDays,
  managesBilling,
}: Props) {
  const scheduled =
    sub && (sub.scheduledTierId || sub.scheduledInterval)
      ? planName(scheduledTier ?? sub.tier, sub.scheduledInterval ?? sub.interval)
      : null;
  // Stripe's portal URL is made per visit by an action, so the alert points at the card below instead.
  const paymentMethodHref =
    sub?.provider === "local" ? "/dashboard/billing/payment-method" : "#payment-method";
  const deadline = sub?.pastDueAt ? new Date(sub.pastDueAt.getTime() + paymentGraceDays * 864e5) : null;
  return (
    <Card role="region" aria-labelledby="current-plan">
      <CardHeader>
        <CardTitle id="current-plan">Current plan</CardTitle>
        <CardDescription>
          {sub
            ? `${sub.interval === "year" ? "Annual" : "Monthly"} billing · ${sub.cancelAtPeriodEnd ? "ends" : "renews"} ${formatDate(sub.currentPeriodEnd)}`
            : "Free plan: a daily quota and monthly credits, then pay as you go with credits."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {sub?.status === "past_due" ? (
          <Alert variant="error">
            Your last payment failed. Update your payment method{" "}
            {deadline ? `by ${formatDate(deadline)} ` : ""}or the workspace moves to the free plan.{" "}
            <Link href={paymentMethodHref} className={linkClass}>
              Update payment method
            </Link>
          </Alert>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-2xl font-semibold">{sub ? sub.tier.name : "Free"}</p>
          {sub ? (
            <StatusBadge status={sub.status}>
              {sub.cancelAtPeriodEnd ? "Ends at period end" : undefined}
            </StatusBadge>
          ) : null}
        </div>
        {sub ? <p className="text-sm text-muted-foreground">{termsLine(sub)}</p> : null}
        {sub?.planVersion && sub.scheduledPlanVersion && sub.planMoveAt ? (
          <Alert>
            From your renewal on {formatDate(sub.planMoveAt)} your plan moves to its current terms:{" "}
            {termChanges(sub.planVersion, sub.scheduledPlanVersion, sub.interval).join("; ")}.
          </Alert>
        ) : null}
        {sub ? (
          <ScheduledChange
            description={scheduled ? `Changes to ${scheduled} on ${formatDate(sub.currentPeriodEnd)}.` : null}
            canCancel={managesBilling}
          />
        ) : null}
        {sub && managesBilling ? (
          <CancelPlan endsOn={formatDate(sub.currentPeriodEnd)} cancelling={sub.cancelAtPeriodEnd} />
        ) : null}
      </CardContent>
    </Card>
  );
}
