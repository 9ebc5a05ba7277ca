import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// The local payment provider's cards: Stripe's test cards and a card on file per workspace (only its
// brand, last four digits and expiry). A leaf module: both providers and the billing clock ask it
// whether a card charges, without importing the checkout.

export const TEST_CARDS = {
  success: "4242 4242 4242 4242",
  declined: "4000 0000 0000 0002",
  /** Saved fine, but later charges (renewals, upgrades) fail — as in Stripe test mode. */
  failsLater: "4000 0000 0000 0341",
};

export const digits = (v: string) => v.replace(/[\s-]/g, "");

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
  const saved = await db.paymentMethod.upsert({
    where: { workspaceId },
    create: { workspaceId, ...data },
    update: data,
  });
  // A new card lifts an auto top-up paused by a decline (SPEC §8.2).
  await db.autoTopUp.updateMany({ where: { workspaceId }, data: { pausedAt: null, pauseReason: null } });
  return saved;
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

const BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
};
/** Stripe's card brand ("visa") as people write it ("Visa"). */
export const brandName = (brand: string) =>
  BRANDS[brand.toLowerCase()] ?? brand.charAt(0).toUpperCase() + brand.slice(1);
