import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findCheckoutForUser } from "./checkout";
import { deliverLocalEvent } from "./local-events";
import { localId } from "./local-objects";

// The local payment provider's card handling: Stripe's test cards, a card on file per workspace,
// and the test checkout whose outcome becomes a Stripe-shaped, signed event delivered to the same
// webhook handler Stripe uses. Nothing leaves the machine.

export const TEST_CARDS = {
  success: "4242 4242 4242 4242",
  declined: "4000 0000 0000 0002",
  /** Saved fine, but later charges (renewals, upgrades) fail — as in Stripe test mode. */
  failsLater: "4000 0000 0000 0341",
};

const digits = (v: string) => v.replace(/[\s-]/g, "");

export const cardFields = z.object({
  cardNumber: z
    .string()
    .transform(digits)
    .pipe(z.string().regex(/^\d{16}$/, "Enter the 16-digit card number.")),
  expiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/, "Enter the expiry as MM/YY.")
    .refine((v) => {
      const [m, y] = v.split("/").map((p) => Number(p.trim()));
      return new Date(Date.UTC(2000 + y, m, 1)) > new Date();
    }, "This card has expired."),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, "Enter the 3 or 4 digit security code."),
});
export const cardSchema = cardFields.extend({ checkoutId: z.string().min(1) });
type Card = z.infer<typeof cardFields>;

export class CardDeclinedError extends AppError {
  constructor(message = "Your card was declined. Nothing was charged; try another card.") {
    super("card_declined", message, 402);
  }
}

/** Stores the card on file (only its brand, last four digits and expiry). Declined cards are refused. */
export async function saveLocalCard(workspaceId: string, card: Card) {
  if (card.cardNumber !== digits(TEST_CARDS.success) && card.cardNumber !== digits(TEST_CARDS.failsLater))
    throw new CardDeclinedError("Your card was declined. Try another card.");
  const [m, y] = card.expiry.split("/").map((p) => Number(p.trim()));
  const data = { brand: "Visa", last4: card.cardNumber.slice(-4), expMonth: m, expYear: 2000 + y };
  return db.paymentMethod.upsert({ where: { workspaceId }, create: { workspaceId, ...data }, update: data });
}

/** Would a charge to the workspace's card on file succeed? Throws a readable error when not. */
export async function assertCardChargeable(workspaceId: string) {
  const card = await db.paymentMethod.findUnique({ where: { workspaceId } });
  if (!card) throw new CardDeclinedError("Add a card on the payment method page first.");
  if (!cardOnFileCharges(card))
    throw new CardDeclinedError(
      `Your card ending ${card.last4} was declined. Nothing changed; update your payment method and try again.`,
    );
  return card;
}

export const cardOnFileCharges = (card: { last4: string } | null) =>
  card !== null && card.last4 === digits(TEST_CARDS.success).slice(-4);

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
