// GET /dashboard/billing — the workspace's plan, choosing a paid plan, and billing history
import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { getDashboardContext } from "@/lib/auth/session";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import { db } from "@/lib/db";
import { liveSubscription } from "@/lib/billing/subscriptions";
import { formatDate, formatDateTime } from "@/lib/utils/format";
import { CancelPlan } from "./cancel-plan";
import { ChoosePlan } from "./choose-plan";

export const metadata: Metadata = { title: "Billing" };

type Search = { plan?: string; interval?: string; subscribed?: string; verified?: string };

export default async function BillingPage(props: { searchParams: Promise<Search> }) {
  const [{ workspace, user, role }, params] = await Promise.all([getDashboardContext(), props.searchParams]);
  const managesBilling = role === "owner" || role === "admin" || role === "billing";
  const [subscription, tiers, payments] = await Promise.all([
    liveSubscription(workspace.id),
    db.tier.findMany({ where: { archivedAt: null, isPublic: true, monthlyPriceCents: { gt: 0 } }, orderBy: { rank: "asc" } }),
    db.payment.findMany({ where: { workspaceId: workspace.id }, orderBy: { createdAt: "desc" }, take: 50 }),
  ]);
  const paid = subscription && subscription.tier.monthlyPriceCents > 0;
  const picked = (code: string) => (params.plan === code ? (params.interval === "year" ? "year" : "month") : null);
  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Billing</h1>
        <p className="text-muted-foreground">The plan {workspace.name} is on, and what it has paid.</p>
      </div>
      {params.verified ? <Alert variant="success">Your email is confirmed.</Alert> : null}
      {params.subscribed ? <Alert variant="success">Payment received. Your plan is active and its credits are in your balance.</Alert> : null}

      <Card role="region" aria-labelledby="current-plan">
        <CardHeader>
          <CardTitle id="current-plan">Current plan</CardTitle>
          <CardDescription>
            {paid
              ? `${subscription.interval === "year" ? "Annual" : "Monthly"} billing · ${subscription.cancelAtPeriodEnd ? "ends" : "renews"} ${formatDate(subscription.currentPeriodEnd)}`
              : "Free plan: pay as you go with credits."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-2xl font-semibold">{paid ? subscription.tier.name : "Free"}</p>
            {paid ? <Badge variant="outline">{subscription.cancelAtPeriodEnd ? "ends at period end" : subscription.status.replace("_", " ")}</Badge> : null}
          </div>
          {paid && managesBilling ? <CancelPlan endsOn={formatDate(subscription.currentPeriodEnd)} cancelling={subscription.cancelAtPeriodEnd} /> : null}
        </CardContent>
      </Card>

      {!paid && tiers.length > 0 ? (
        <Card role="region" aria-labelledby="choose-plan">
          <CardHeader>
            <CardTitle id="choose-plan">Choose a plan</CardTitle>
            <CardDescription>
              {user.emailVerifiedAt ? "A daily quota, included credits every month, and more models. Annual billing is two months free." : "Confirm your email before choosing a paid plan."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ChoosePlan
              plans={tiers.map((t) => ({
                code: t.code,
                name: t.name,
                monthly: formatCents(t.monthlyPriceCents, t.currency),
                annual: formatCents(t.annualPriceCents, t.currency),
                credits: formatCredits(t.includedMillicredits),
                picked: picked(t.code),
              }))}
            />
          </CardContent>
        </Card>
      ) : null}

      <section className="grid gap-3" aria-labelledby="billing-history">
        <h2 id="billing-history" className="text-lg font-semibold">Billing history</h2>
        {payments.length === 0 ? (
          <EmptyState title="No payments yet" />
        ) : (
          <DataTable label="Payments, newest first">
            <thead>
              <tr>
                <Th>Date (UTC)</Th>
                <Th>Description</Th>
                <Th className="text-right">Amount</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <tr key={p.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(p.createdAt)}</Td>
                  <Td>{p.description}</Td>
                  <Td className="text-right tabular-nums">{formatCents(p.amountCents, p.currency)}</Td>
                  <Td>
                    <Badge variant="outline">{p.status.replace("_", " ")}</Badge>
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </div>
  );
}
