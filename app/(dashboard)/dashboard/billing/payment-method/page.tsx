// GET /dashboard/billing/payment-method — the local provider's card on file, and replacing it
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDashboardContext } from "@/lib/auth/session";
import { can } from "@/lib/workspaces/permissions";
import { liveSubscription } from "@/lib/billing/subscriptions";
import { db } from "@/lib/db";
import { TEST_CARDS } from "@/lib/payments/cards";
import { usingStripe } from "@/lib/payments/stripe";
import { describeCard } from "../payment-method-card";
import { CardForm } from "./card-form";

export const metadata: Metadata = { title: "Payment method" };

export default async function PaymentMethodPage() {
  const { workspace, role } = await getDashboardContext();
  const [sub, card] = await Promise.all([
    liveSubscription(workspace.id),
    db.paymentMethod.findUnique({ where: { workspaceId: workspace.id } }),
  ]);
  const managesBilling = can(role, "billing.manage");
  // Same choice as paymentMethodUrl: a Stripe plan (or Stripe with no plan) keeps its card at Stripe.
  const local = sub && sub.provider !== "manual" ? sub.provider === "local" : !usingStripe();
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <PageHeader
        back={{ href: "/dashboard/billing", label: "Back to billing" }}
        title="Payment method"
        description={`The card ${workspace.name}'s renewals and upgrades are charged to.`}
      />
      {sub?.status === "past_due" && local ? (
        <Alert variant="warning">
          Your last payment failed. Saving a card that works charges the unpaid renewal again right away.
        </Alert>
      ) : null}

      <Card role="region" aria-labelledby="card-on-file">
        <CardHeader>
          <CardTitle id="card-on-file">Card on file</CardTitle>
        </CardHeader>
        <CardContent>
          <p className="font-medium">{card ? describeCard(card) : "No card on file"}</p>
        </CardContent>
      </Card>

      {!local ? (
        <Alert variant="info">
          This workspace pays through Stripe, which keeps the card. Use Manage payment method on the billing
          page to change it.
        </Alert>
      ) : managesBilling ? (
        <Card role="region" aria-labelledby="new-card">
          <CardHeader>
            <CardTitle id="new-card">{card ? "Replace card" : "Add a card"}</CardTitle>
            <CardDescription>Only the brand, last four digits and expiry are stored.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <Alert variant="info">
              No real card is charged here. Test cards:{" "}
              <span className="font-mono whitespace-nowrap">{TEST_CARDS.success}</span> saves and charges;{" "}
              <span className="font-mono whitespace-nowrap">{TEST_CARDS.failsLater}</span> saves, but later
              charges fail; <span className="font-mono whitespace-nowrap">{TEST_CARDS.declined}</span> is
              declined.
            </Alert>
            <CardForm />
          </CardContent>
        </Card>
      ) : (
        <p className="text-sm text-muted-foreground">
          Only owners, admins and billing members change the card.
        </p>
      )}
    </div>
  );
}
