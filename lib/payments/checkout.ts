import "server-only";
import { checkoutDiscount } from "@/lib/billing/coupons";
import { subscriptionTerms } from "@/lib/billing/plan-versions";
import { liveSubscription } from "@/lib/billing/subscriptions";
import { onSaleTierWhere } from "@/lib/catalog/tiers";
import { db } from "@/lib/db";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { offeredPlan } from "@/lib/experiments/offer";
import { recordUser } from "@/lib/experiments/track";
import { paymentProvider } from "./provider";

type Buyer = {
  user: { id: string; email: string; emailVerifiedAt: Date | null };
  workspaceId: string;
  /** The price experiment cookie, if the request had one: the variant this buyer was shown. */
  experimentCookie?: string | null;
};

// Checkouts: a credit pack (one-time payment) or a first paid plan, optionally with a percent-off
// coupon. Stripe Checkout when Stripe is configured, else the built-in local checkout page; either
// way the purchase lands through the checkout.session.completed webhook.

export async function startCreditPackCheckout(
  { user, workspaceId }: Buyer,
  packCode: string,
  couponCode?: string,
): Promise<{ url: string }> {
  if (!user.emailVerifiedAt) throw new ForbiddenError("Confirm your email before buying credits.");
  const pack = await db.creditPack.findUnique({ where: { code: packCode } });
  if (!pack || !pack.active) throw new NotFoundError("Credit pack");
  const { coupon, discountCents } = await checkoutDiscount(couponCode, workspaceId, pack.priceCents);
  return paymentProvider().createCheckout({
    checkout: {
      workspaceId,
      userId: user.id,
      kind: "credit_pack",
      creditPackId: pack.id,
      tierId: null,
      planVersionId: null,
      interval: null,
      amountCents: pack.priceCents - discountCents,
      currency: pack.currency,
      couponId: coupon?.id ?? null,
      discountCents,
    },
    email: user.email,
    name: pack.name,
    listPriceCents: pack.priceCents,
    coupon,
    successPath: "/dashboard/credits?purchased=1",
    cancelPath: "/dashboard/credits",
  });
}

/**
 * A first paid plan at the price this buyer is offered (lib/experiments/offer: a price
 * experiment's variant, else the catalog); the plan starts with the checkout.session.completed
 * webhook on the plan version the checkout quoted.
 */
export async function startSubscriptionCheckout(
  { user, workspaceId, experimentCookie }: Buyer,
  tierCode: string,
  interval: "month" | "year",
  couponCode?: string,
): Promise<{ url: string }> {
  if (!user.emailVerifiedAt) throw new ForbiddenError("Confirm your email before choosing a paid plan.");
  const tier = await db.tier.findFirst({ where: { code: tierCode, ...onSaleTierWhere } });
  if (!tier) throw new NotFoundError("Plan");
  // A buyer who signed up before the experiment keeps the variant their cookie showed them.
  await recordUser(user.id, experimentCookie);
  const plan = await offeredPlan(tier, interval, { userId: user.id, cookie: experimentCookie });
  const priceCents = plan.priceCents;
  if (priceCents <= 0) throw new AppError("free_plan", "The free plan needs no checkout.");
  const current = await liveSubscription(workspaceId);
  if (current && current.tier.monthlyPriceCents > 0)
    throw new AppError(
      "already_subscribed",
      `This workspace is already on ${current.tier.name}. Change plans from Billing.`,
      409,
    );
  const { coupon, discountCents } = await checkoutDiscount(couponCode, workspaceId, priceCents, tier.id);
  return paymentProvider().createCheckout({
    checkout: {
      workspaceId,
      userId: user.id,
      kind: "subscription",
      creditPackId: null,
      tierId: tier.id,
      planVersionId: plan.planVersionId,
      interval,
      amountCents: priceCents - discountCents,
      currency: plan.currency,
      couponId: coupon?.id ?? null,
      discountCents,
    },
    email: user.email,
    name: `Tollgate ${tier.name}`,
    listPriceCents: priceCents,
    coupon,
    successPath: "/dashboard/billing?subscribed=1",
    cancelPath: "/dashboard/billing",
  });
}

/** An open checkout the user may pay: theirs, in a workspace they belong to, with the plan version it quoted. */
export async function findCheckoutForUser(userId: string, id: string) {
  const checkout = await db.checkoutSession.findUnique({ where: { id } });
  if (!checkout || checkout.userId !== userId) throw new NotFoundError("Checkout");
  const { tierId, planVersionId } = checkout;
  const [pack, tier, terms] = await Promise.all([
    checkout.creditPackId ? db.creditPack.findUnique({ where: { id: checkout.creditPackId } }) : null,
    tierId ? db.tier.findUnique({ where: { id: tierId } }) : null,
    tierId ? subscriptionTerms(db, { tierId, planVersionId }) : null,
  ]);
  return { checkout, pack, tier, terms };
}
