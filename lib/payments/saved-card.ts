import "server-only";
import { createHash } from "node:crypto";
import { creditsLabel } from "@/lib/catalog/money";
import { db } from "@/lib/db";
import { AppError, ForbiddenError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { CardDeclinedError } from "./cards";
import { packPaymentFields } from "./pack-payment";
import { paymentProvider, type SavedCard } from "./provider";

// Credit packs paid with the card on file, in two clicks or by auto top-up. The checkout row is the
// claim: its id comes from the caller's idempotency key, so a double click, a retried request or a
// second job for the same crossing finds the row and never charges again. The provider charges once
// per checkout id; the credits land through payment_intent.succeeded, once per checkout.

export const cardLabel = (card: { brand: string; last4: string }) => `${card.brand} ···${card.last4}`;

export type SavedCardPurchase = {
  workspaceId: string;
  /** Who the receipt goes to (the buyer, or the owner for auto top-up). */
  userId: string;
  packId: string;
  /** The checkout id: `card:<hash of workspace and key>` for a click, the crossing reference for auto top-up. */
  checkoutId: string;
};

export type PurchaseOutcome = { status: "paid" | "already_paid" | "in_progress"; checkoutId: string };

/** The checkout id for a click on "Pay with saved card": stable per workspace and idempotency key. */
export const savedCardCheckoutId = (workspaceId: string, key: string) =>
  `card_${createHash("sha256").update(`${workspaceId}:${key}`).digest("hex").slice(0, 32)}`;

export class NoSavedCardError extends AppError {
  constructor() {
    super("no_saved_card", "There is no card on file. Add one on the payment method page first.", 409);
  }
}

export async function savedCard(workspaceId: string): Promise<SavedCard | null> {
  return paymentProvider().savedCard(workspaceId);
}

export async function buyPackWithSavedCard(p: SavedCardPurchase): Promise<PurchaseOutcome> {
  const pack = await db.creditPack.findUnique({ where: { id: p.packId } });
  if (!pack || !pack.active) throw new NotFoundError("Credit pack");
  const provider = paymentProvider();
  const card = await provider.savedCard(p.workspaceId);
  if (!card) throw new NoSavedCardError();
  const checkout = await claimCheckout(p, pack.priceCents, pack.currency, provider.kind);
  if (!checkout.created)
    return {
      status: checkout.row.status === "complete" ? "already_paid" : "in_progress",
      checkoutId: checkout.row.id,
    };
  try {
    await provider.chargeSavedCard({
      checkout: checkout.row,
      card,
      description: `Credit pack: ${pack.name}`,
    });
  } catch (e) {
    if (e instanceof CardDeclinedError) await recordDecline(checkout.row.id, card, e.message);
    throw e;
  }
  return { status: "paid", checkoutId: checkout.row.id };
}

async function claimCheckout(
  p: SavedCardPurchase,
  amountCents: number,
  currency: string,
  provider: "stripe" | "local",
) {
  try {
    const row = await db.checkoutSession.create({
      data: {
        id: p.checkoutId,
        workspaceId: p.workspaceId,
        userId: p.userId,
        kind: "credit_pack",
        provider,
        creditPackId: p.packId,
        amountCents,
        currency,
      },
    });
    return { created: true as const, row };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const row = await db.checkoutSession.findUniqueOrThrow({ where: { id: p.checkoutId } });
    if (row.workspaceId !== p.workspaceId) throw new NotFoundError("Checkout");
    return { created: false as const, row };
  }
}

/** A declined charge closes its checkout and shows in billing history as Failed, with the reason. */
async function recordDecline(checkoutId: string, card: SavedCard, reason: string) {
  await db.$transaction(async (tx) => {
    const checkout = await tx.checkoutSession.update({
      where: { id: checkoutId },
      data: { status: "expired" },
    });
    const pack = await tx.creditPack.findUniqueOrThrow({ where: { id: checkout.creditPackId! } });
    await tx.payment.create({
      data: {
        ...packPaymentFields(checkout, pack),
        amountCents: checkout.amountCents,
        currency: checkout.currency,
        status: "failed",
        failureReason: reason,
        cardBrand: card.brand,
        cardLast4: card.last4,
      },
    });
  });
}

/** A dashboard click: the pack by code, the dialog's attempt key; returns what to tell the buyer. */
export async function payPackWithSavedCard(
  { user, workspaceId }: { user: { id: string; emailVerifiedAt: Date | null }; workspaceId: string },
  packCode: string,
  attempt: string,
) {
  if (!user.emailVerifiedAt) throw new ForbiddenError("Confirm your email before buying credits.");
  const pack = await db.creditPack.findUnique({ where: { code: packCode } });
  if (!pack || !pack.active) throw new NotFoundError("Credit pack");
  const outcome = await buyPackWithSavedCard({
    workspaceId,
    userId: user.id,
    packId: pack.id,
    checkoutId: savedCardCheckoutId(workspaceId, attempt),
  });
  const credits = creditsLabel(pack.millicredits + pack.bonusMillicredits);
  const landed = await db.checkoutSession.findUnique({ where: { id: outcome.checkoutId } });
  if (outcome.status === "in_progress" || landed?.status !== "complete")
    return `Payment accepted. ${credits} arrive in your balance as soon as the card payment is confirmed.`;
  return outcome.status === "already_paid"
    ? `Already paid: ${credits} are in your balance.`
    : `Payment received: ${credits} added to your balance.`;
}
