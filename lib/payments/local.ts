import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { findCheckoutForUser } from "./checkout";
import { deliverLocalEvent } from "./local-events";

// The local payment provider: a test card form whose outcome becomes a Stripe-shaped, signed
// event delivered to the same webhook handler Stripe uses. Nothing leaves the machine.

export const TEST_CARDS = { success: "4242 4242 4242 4242", declined: "4000 0000 0000 0002" };

const digits = (v: string) => v.replace(/[\s-]/g, "");

export const cardSchema = z.object({
  checkoutId: z.string().min(1),
  cardNumber: z.string().transform(digits).pipe(z.string().regex(/^\d{16}$/, "Enter the 16-digit card number.")),
  expiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/, "Enter the expiry as MM/YY.")
    .refine((v) => {
      const [m, y] = v.split("/").map((p) => Number(p.trim()));
      return new Date(Date.UTC(2000 + y, m, 1)) > new Date();
    }, "This card has expired."),
  cvc: z.string().trim().regex(/^\d{3,4}$/, "Enter the 3 or 4 digit security code."),
});

export class CardDeclinedError extends AppError {
  constructor() {
    super("card_declined", "Your card was declined. Nothing was charged; try another card.", 402);
  }
}

const id = (prefix: string) => `${prefix}_local_${randomBytes(12).toString("hex")}`;

export async function payLocalCheckout(userId: string, input: z.infer<typeof cardSchema>) {
  const { checkout } = await findCheckoutForUser(userId, input.checkoutId);
  if (checkout.status !== "open") throw new AppError("checkout_closed", "This checkout is already paid or has expired.", 409);
  if (checkout.provider !== "local") throw new AppError("checkout_not_local", "This checkout is paid on Stripe.", 400);
  // Like Stripe test mode: 4242… pays; 4000 0000 0000 0002 (and any other number) is declined.
  if (input.cardNumber !== digits(TEST_CARDS.success)) throw new CardDeclinedError();
  await deliverLocalEvent("checkout.session.completed", {
    id: checkout.id,
    object: "checkout.session",
    mode: checkout.kind === "credit_pack" ? "payment" : "subscription",
    status: "complete",
    payment_status: "paid",
    amount_subtotal: checkout.amountCents,
    amount_total: checkout.amountCents,
    currency: checkout.currency,
    created: Math.floor(Date.now() / 1000),
    customer: null,
    payment_intent: id("pi"),
    metadata: { checkoutId: checkout.id, workspaceId: checkout.workspaceId },
    livemode: false,
  });
  return checkout;
}
