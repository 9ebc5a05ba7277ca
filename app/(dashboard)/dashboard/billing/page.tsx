// GET /dashboard/billing — the workspace's plan, changing or choosing one, the card on file, and billing history
import { cookies } from "next/headers";
import { onSaleTierWhere } from "@/lib/catalog/tiers";
import { EXPERIMENT_COOKIE } from "@/lib/experiments/cookie";
import { offeredTerms, variantFor } from "@/lib/experiments/offer";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDashboardContext } from "@/lib/auth/session";
import { can } from "@/lib/workspaces/permissions";
import { onOwnTerms } from "@/lib/billing/plan-versions";
import { liveSubscription } from "@/lib/billing/subscriptions";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import { getSettings } from "@/lib/settings/settings";
import { db } from "@/lib/db";
import { usingStripe } from "@/lib/payments/stripe";
import { formatDate } from "@/lib/utils/format";
import { BillingHistory } from "./billing-history";
import { ChangePlan } from "./change-plan";
import { ChoosePlan } from "./choose-plan";
import { CurrentPlanCard, type PaidSubscription } from "./current-plan";
import { PaymentMethodCard } from "./payment-method-card";
import { planChangeOptions, type PlanChangeOption } from "./plan-options";

export const metadata: Metadata = { title: "Billing" };

type Search = { plan?: string; interval?: string; subscribed?: string; verified?: string };

/** The change quote a link asked for: that plan and interval, else that plan on any interval offered. */
function ChangePlanWithChoice(props: { options: PlanChangeOption[]; plan?: string; interval?: string }) {
  const { options, plan, interval } = props;
  const chosen =
    options.find((o) => o.tierCode === plan && o.interval === interval) ??
    options.find((o) => o.tierCode === plan);
  return <ChangePlan options={options} preselected={chosen?.key} />;
}

export default async function BillingPage(props: { searchParams: Promise<Search> }) {
  const [{ workspace, user, role }, params] = await Promise.all([getDashboardContext(), props.searchParams]);
  const managesBilling = can(role, "billing.manage");
  const experimentCookie = (await cookies()).get(EXPERIMENT_COOKIE)?.value;
  const [subscription, tiers, payments, card, settings, variant] = await Promise.all([
    liveSubscription(workspace.id),
    db.tier.findMany({
      where: { ...onSaleTierWhere, monthlyPriceCents: { gt: 0 } },
      orderBy: { rank: "asc" },
    }),
    db.payment.findMany({ where: { workspaceId: workspace.id }, orderBy: { createdAt: "desc" }, take: 50 }),
    db.paymentMethod.findUnique({ where: { workspaceId: workspace.id } }),
    getSettings(),
    // A price experiment's variant: the prices checkout will charge this user.
    variantFor({ userId: user.id, cookie: experimentCookie }),
  ]);
  const paid: PaidSubscription | null =
    subscription && subscription.tier.monthlyPriceCents > 0 ? subscription : null;
  const scheduledTier = paid?.scheduledTierId
    ? await db.tier.findUnique({ where: { id: paid.scheduledTierId } })
    : null;
  const picked = (code: string) =>
    params.plan === code ? (params.interval === "year" ? "year" : "month") : null;
  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <PageHeader title="Billing" description={`The plan ${workspace.name} is on, and what it has paid.`} />
      {params.verified ? <Alert variant="success">Your email is confirmed.</Alert> : null}
      {params.subscribed ? (
        <Alert variant="success">
          Payment received. Your plan is active and its credits are in your balance.
        </Alert>
      ) : null}

      <CurrentPlanCard
        subscription={paid}
        scheduledTier={scheduledTier}
        paymentGraceDays={settings.paymentGraceDays}
        managesBilling={managesBilling}
      />

      {paid && managesBilling ? (
        <Card role="region" aria-labelledby="change-plan">
          <CardHeader>
            <CardTitle id="change-plan">Change plan</CardTitle>
            <CardDescription>
              Upgrades and monthly to annual start now, prorated. Downgrades and annual to monthly start at
              renewal.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {paid.cancelAtPeriodEnd ? (
              <p className="text-sm">
                Your plan is set to end on {formatDate(paid.currentPeriodEnd)}. Resume it above to change
                plans.
              </p>
            ) : paid.status === "past_due" ? (
              <p className="text-sm">
                The last payment failed. Update your payment method before changing plans.
              </p>
            ) : paid.provider === "manual" ? (
              <p className="text-sm">This plan is managed by our staff. Contact support to change it.</p>
            ) : (
              <ChangePlanWithChoice
                options={planChangeOptions(onOwnTerms(paid), tiers, new Date())}
                plan={params.plan}
                interval={params.interval}
              />
            )}
          </CardContent>
        </Card>
      ) : null}

      {!paid && tiers.length > 0 ? (
        <Card role="region" aria-labelledby="choose-plan">
          <CardHeader>
            <CardTitle id="choose-plan">Choose a plan</CardTitle>
            <CardDescription>
              {user.emailVerifiedAt
                ? "A daily quota, included credits every month, and more models. Annual billing is two months free."
                : "Confirm your email before choosing a paid plan."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ChoosePlan
              plans={tiers.map((t) => {
                const terms = offeredTerms(t, variant);
                return {
                  code: t.code,
                  name: t.name,
                  monthly: formatCents(terms.monthlyPriceCents, terms.currency),
                  annual: formatCents(terms.annualPriceCents, terms.currency),
                  credits: formatCredits(terms.includedMillicredits),
                  picked: picked(t.code),
                };
              })}
            />
          </CardContent>
        </Card>
      ) : null}

      {paid || card ? (
        <PaymentMethodCard
          card={card}
          onStripe={paid ? paid.provider === "stripe" : usingStripe()}
          managesBilling={managesBilling}
        />
      ) : null}

      <BillingHistory payments={payments} />
    </div>
  );
}
