import { z } from "zod";
import { AppError } from "@/lib/errors";
import { CardDeclinedError, cardFields, digits, saveLocalCard, TEST_CARDS } from "./cards";
import { findCheckoutForUser } from "./checkout";
import { deliverLocalEvent } from "./local-events";
import { localId } from "./local-objects";

// The local provider's test checkout: its outcome becomes a Stripe-shaped, signed event delivered to
// the same webhook handler Stripe uses. Nothing leaves the machine.

export const cardSchema = cardFields.extend({ checkoutId: z.string().min(1) });

export async function payLocalCheckout(userId: string, input: z.infer<typeof cardSchema>) {
  const { checkout } = await findCheckoutForUser(userId, input.checkoutId);
  if (checkout.status !== "open")
    throw new AppError("checkout_closed", "This checkout is already paid or has expired.", 409);
  if (checkout.provider !== "local")
    throw new AppError("checkout_not_local", "This checkout is paid on Stripe.", 400);
  // Like Stripe test mode: 4242… pays; 4000 0000 0000 0002 (and any other number) is declined.
  if (input.cardNumber !== digits(TEST_CARDS.success)) throw new CardDeclinedError();
  await deliverLocalEvent("checkout.session.completed", {
    id: checkout.id,
    object: "checkout.session",
    mode: checkout.kind === "credit_pack" ? "payment" : "subscription",
    status: "complete",
    payment_status: "paid",
    amount_subtotal: checkout.amountCents + checkout.discountCents,
    amount_total: checkout.amountCents,
    total_details: { amount_discount: checkout.discountCents },
    currency: checkout.currency,
    created: Math.floor(Date.now() / 1000),
    customer: null,
    payment_intent: localId("pi"),
    metadata: { checkoutId: checkout.id, workspaceId: checkout.workspaceId },
    livemode: false,
  });
  // Like Stripe Checkout, the card used is kept for renewals and upgrades.
  await saveLocalCard(checkout.workspaceId, input);
  return checkout;
}
