import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PaymentMethod } from "@/lib/db";
import { ManagePaymentMethod } from "./manage-payment-method";

/** "Visa ending 4242 · expires 12/30". */
export const describeCard = (card: Pick<PaymentMethod, "brand" | "last4" | "expMonth" | "expYear">) =>
  `${card.brand} ending ${card.last4} · expires ${String(card.expMonth).padStart(2, "0")}/${String(card.expYear % 100).padStart(2, "0")}`;

/** The card renewals and upgrades are charged to. Stripe keeps its own; only local cards are stored here. */
export function PaymentMethodCard({
  card,
  onStripe,
  managesBilling,
}: {
  card: PaymentMethod | null;
  onStripe: boolean;
  managesBilling: boolean;
}) {
  return (
    <Card role="region" aria-labelledby="payment-method">
      <CardHeader>
        <CardTitle id="payment-method">Payment method</CardTitle>
        <CardDescription>Renewals and upgrades are charged to this card.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <p className="font-medium">
          {card ? describeCard(card) : onStripe ? "Your card is kept by Stripe." : "No card on file"}
        </p>
        {managesBilling ? (
          <ManagePaymentMethod />
        ) : (
          <p className="text-sm text-muted-foreground">
            Only owners, admins and billing members manage the payment method.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
