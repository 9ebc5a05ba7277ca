import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { liveSubscription } from "@/lib/billing/subscriptions";
import { deliverLocalEvent } from "./local-events";
import { stripe, usingStripe } from "./stripe";


type Buyer = { user: { id: string; email: string; emailVerifiedAt: Date | null }; workspaceId: string };

/**
 * Starts paying for a plan (first subscription). Stripe Checkout in subscription mode when Stripe
 * is configured, else the local checkout; the plan starts with the checkout.session.completed webhook.
 */
export async function startSubscriptionCheckout({ user, workspaceId }: Buyer, tierCode: string, interval: "month" | "year"): Promise<{ url: string }> {
  if (!user.emailVerifiedAt) throw new ForbiddenError("Confirm your email before choosing a paid plan.");
  const tier = await db.tier.findUnique({ where: { code: tierCode } });
  if (!tier || tier.archivedAt || !tier.isPublic) throw new NotFoundError("Plan");
  const amountCents = interval === "year" ? tier.annualPriceCents : tier.monthlyPriceCents;
  if (amountCents <= 0) throw new AppError("free_plan", "The free plan needs no checkout.");
  const current = await liveSubscription(workspaceId);
  if (current && current.tier.monthlyPriceCents > 0) throw new AppError("already_subscribed", `This workspace is already on ${current.tier.name}. Change plans from Billing.`, 409);
  const base = { workspaceId, userId: user.id, kind: "subscription" as const, tierId: tier.id, interval, amountCents, currency: tier.currency };
  if (usingStripe()) {
    const priceId = interval === "year" ? tier.stripeAnnualPriceId : tier.stripeMonthlyPriceId;
    const session = await stripe().checkout.sessions.create({
      mode: "subscription",
      customer_email: user.email,
      line_items: [
        priceId
          ? { price: priceId, quantity: 1 }
          : { quantity: 1, price_data: { currency: tier.currency, unit_amount: amountCents, recurring: { interval }, product_data: { name: `Tollgate ${tier.name}` } } },
      ],
      allow_promotion_codes: true,
      metadata: { workspaceId, tierId: tier.id, interval },
      success_url: `${env.APP_URL}/dashboard/billing?subscribed=1`,
      cancel_url: `${env.APP_URL}/dashboard/billing`,
    });
    await db.checkoutSession.create({ data: { id: session.id, provider: "stripe", ...base } });
    return { url: session.url! };
  }
  const id = `cs_local_${randomBytes(12).toString("hex")}`;
  await db.checkoutSession.create({ data: { id, provider: "local", ...base } });
  return { url: `/checkout/${id}` };
}

/**
 * Cancel at the end of the paid period, or take that back. Stripe subscriptions change on Stripe
 * (its webhook then updates ours); local ones through the same Stripe-shaped event; manual (comp)
 * plans directly.
 */
export async function setCancelAtPeriodEnd(actor: Actor, workspaceId: string, cancel: boolean) {
  const sub = await liveSubscription(workspaceId);
  if (!sub || sub.tier.monthlyPriceCents === 0) throw new AppError("no_paid_plan", "This workspace has no paid plan to cancel.", 409);
  if (sub.provider === "stripe" && sub.providerSubscriptionId) {
    await stripe().subscriptions.update(sub.providerSubscriptionId, { cancel_at_period_end: cancel });
  } else if (sub.provider === "local" && sub.providerSubscriptionId) {
    await deliverLocalEvent("customer.subscription.updated", {
      id: sub.providerSubscriptionId,
      object: "subscription",
      status: sub.status === "past_due" ? "past_due" : "active",
      cancel_at_period_end: cancel,
      current_period_end: Math.floor(sub.currentPeriodEnd.getTime() / 1000),
    });
  } else {
    await db.subscription.update({ where: { id: sub.id }, data: { cancelAtPeriodEnd: cancel } });
  }
  await recordAudit(db, { actor, action: cancel ? "subscription.cancel_at_period_end" : "subscription.resume", targetType: "subscription", targetId: sub.id });
}
