import "server-only";
import type Stripe from "stripe";
import { settleAutoTopUp } from "@/lib/billing/auto-top-up-state";
import type { Tx } from "@/lib/db";
import { brandName } from "../cards";
import { completeCheckout } from "./checkout-session-completed";
import { eventTime } from "./shared";

type IntentWithCharge = Stripe.PaymentIntent & {
  latest_charge?:
    string | { payment_method_details?: { card?: { brand: string; last4: string } | null } | null };
};

/**
 * A credit pack paid with the saved card (an off-session PaymentIntent naming our checkout row in
 * its metadata): the same completion as a paid checkout, once per checkout. Intents Tollgate did not
 * create (no checkoutId) are ignored. An auto top-up's crossing is settled in the same transaction.
 */
export async function paymentIntentSucceeded(tx: Tx, event: Stripe.Event): Promise<(string | null)[]> {
  const intent = event.data.object as IntentWithCharge;
  const checkoutId = intent.metadata?.checkoutId;
  if (!checkoutId) return [];
  const checkout = await tx.checkoutSession.findUnique({ where: { id: checkoutId } });
  if (!checkout || checkout.kind !== "credit_pack" || !checkout.creditPackId) return [];
  if (checkout.status === "complete") return [];
  const card =
    typeof intent.latest_charge === "object" ? intent.latest_charge?.payment_method_details?.card : null;
  const emails = await completeCheckout(
    tx,
    checkout,
    {
      amountCents: intent.amount_received || intent.amount,
      currency: intent.currency,
      chargeId: intent.id,
      card: card ? { brand: brandName(card.brand), last4: card.last4 } : null,
    },
    eventTime(event),
  );
  await settleAutoTopUp(tx, checkout.id);
  return emails;
}
