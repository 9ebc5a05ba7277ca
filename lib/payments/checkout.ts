import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { stripe, usingStripe } from "./stripe";

type Buyer = { user: { id: string; email: string; emailVerifiedAt: Date | null }; workspaceId: string };

/**
 * Starts paying for a credit pack: Stripe Checkout when Stripe is configured, else the built-in
 * local checkout page. Either way the credits arrive through the checkout.session.completed webhook.
 */
export async function startCreditPackCheckout({ user, workspaceId }: Buyer, packCode: string): Promise<{ url: string }> {
  if (!user.emailVerifiedAt) throw new ForbiddenError("Confirm your email before buying credits.");
  const pack = await db.creditPack.findUnique({ where: { code: packCode } });
  if (!pack || !pack.active) throw new NotFoundError("Credit pack");
  const base = { workspaceId, userId: user.id, kind: "credit_pack" as const, creditPackId: pack.id, amountCents: pack.priceCents, currency: pack.currency };
  if (usingStripe()) {
    const session = await stripe().checkout.sessions.create({
      mode: "payment",
      customer_email: user.email,
      line_items: [{ quantity: 1, price_data: { currency: pack.currency, unit_amount: pack.priceCents, product_data: { name: pack.name } } }],
      metadata: { workspaceId, creditPackId: pack.id },
      success_url: `${env.APP_URL}/dashboard/credits?purchased=1`,
      cancel_url: `${env.APP_URL}/dashboard/credits`,
    });
    await db.checkoutSession.create({ data: { id: session.id, provider: "stripe", ...base } });
    return { url: session.url! };
  }
  const id = `cs_local_${randomBytes(12).toString("hex")}`;
  await db.checkoutSession.create({ data: { id, provider: "local", ...base } });
  return { url: `/checkout/${id}` };
}

/** An open checkout the user may pay: theirs, in a workspace they belong to. */
export async function findCheckoutForUser(userId: string, id: string) {
  const checkout = await db.checkoutSession.findUnique({ where: { id } });
  if (!checkout || checkout.userId !== userId) throw new NotFoundError("Checkout");
  const [pack, tier] = await Promise.all([
    checkout.creditPackId ? db.creditPack.findUnique({ where: { id: checkout.creditPackId } }) : null,
    checkout.tierId ? db.tier.findUnique({ where: { id: checkout.tierId } }) : null,
  ]);
  return { checkout, pack, tier };
}
