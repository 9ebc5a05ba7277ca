import "server-only";
import Stripe from "stripe";
import { db, type Tier } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { brandName, CardDeclinedError } from "./cards";
import type { PaymentProvider } from "./provider";
import { stripe } from "./stripe";

// The Stripe provider: Checkout, subscription updates with proration billed at once, subscription
// schedules for changes at period end, refunds and the Customer Portal. Stripe's webhooks then
// tell Tollgate what happened.

const url = (path: string) => `${env.APP_URL}${path}`;

/** The tier's configured Stripe price, or a price created from the tier's current amount. */
async function priceFor(tier: Tier, interval: "month" | "year") {
  const configured = interval === "year" ? tier.stripeAnnualPriceId : tier.stripeMonthlyPriceId;
  if (configured) return configured;
  const price = await stripe().prices.create({
    currency: tier.currency,
    unit_amount: interval === "year" ? tier.annualPriceCents : tier.monthlyPriceCents,
    recurring: { interval },
    product_data: { name: `Tollgate ${tier.name}` },
    metadata: { tierId: tier.id },
  });
  return price.id;
}

/**
 * The plan's line item: the tier's price when the checkout sells the tier's current amount, else
 * (a price experiment's variant) a recurring price made inline for the amount the checkout quoted.
 */
async function planLineItem(tier: Tier, interval: "month" | "year", amountCents: number) {
  const current = interval === "year" ? tier.annualPriceCents : tier.monthlyPriceCents;
  if (amountCents === current) return { price: await priceFor(tier, interval), quantity: 1 };
  return {
    quantity: 1,
    price_data: {
      currency: tier.currency,
      unit_amount: amountCents,
      recurring: { interval },
      product_data: { name: `Tollgate ${tier.name}` },
    },
  };
}

/** The percent-off coupon mirrored on Stripe (created once, applied to the first payment). */
async function stripeCoupon(coupon: {
  id: string;
  code: string;
  percentOff: number;
  duration: "once" | "repeating" | "forever";
  durationMonths: number | null;
  stripeCouponId: string | null;
}) {
  if (coupon.stripeCouponId) return coupon.stripeCouponId;
  // Stripe honours the duration on renewals itself; the plan restriction is checked before checkout.
  const created = await stripe().coupons.create({
    percent_off: coupon.percentOff,
    duration: coupon.duration,
    ...(coupon.duration === "repeating" ? { duration_in_months: coupon.durationMonths ?? 1 } : {}),
    name: coupon.code,
    metadata: { couponId: coupon.id },
  });
  await db.coupon.update({ where: { id: coupon.id }, data: { stripeCouponId: created.id } });
  return created.id;
}

const subscriptionId = (sub: { providerSubscriptionId: string | null }) => {
  if (!sub.providerSubscriptionId)
    throw new AppError("no_provider_subscription", "This plan has no Stripe subscription.", 409);
  return sub.providerSubscriptionId;
};

function declined(e: unknown): never {
  if (e instanceof Stripe.errors.StripeCardError)
    throw new CardDeclinedError(`${e.message} Nothing changed.`);
  throw e;
}

export const stripeProvider: PaymentProvider = {
  kind: "stripe",

  async createCheckout({ checkout, email, name, listPriceCents, coupon, successPath, cancelPath }) {
    const subscription = checkout.kind === "subscription";
    const tier = subscription ? await db.tier.findUniqueOrThrow({ where: { id: checkout.tierId! } }) : null;
    const session = await stripe().checkout.sessions.create({
      mode: subscription ? "subscription" : "payment",
      customer_email: email,
      line_items: [
        tier
          ? await planLineItem(tier, checkout.interval ?? "month", listPriceCents)
          : {
              quantity: 1,
              price_data: {
                currency: checkout.currency,
                unit_amount: listPriceCents,
                product_data: { name },
              },
            },
      ],
      ...(coupon
        ? { discounts: [{ coupon: await stripeCoupon(coupon) }] }
        : subscription
          ? { allow_promotion_codes: true }
          : {}),
      metadata: {
        workspaceId: checkout.workspaceId,
        ...(checkout.tierId ? { tierId: checkout.tierId, interval: checkout.interval ?? "month" } : {}),
        ...(checkout.creditPackId ? { creditPackId: checkout.creditPackId } : {}),
      },
      // Renewal invoices carry the subscription's metadata: the plan they bill.
      ...(tier
        ? {
            subscription_data: {
              metadata: {
                workspaceId: checkout.workspaceId,
                tierId: tier.id,
                interval: checkout.interval ?? "month",
              },
            },
          }
        : {}),
      success_url: url(successPath),
      cancel_url: url(cancelPath),
    });
    await db.checkoutSession.create({ data: { ...checkout, id: session.id, provider: "stripe" } });
    return { id: session.id, url: session.url! };
  },

  async changePlanNow(sub, change) {
    const remote = await stripe().subscriptions.retrieve(subscriptionId(sub));
    await stripe()
      .subscriptions.update(remote.id, {
        items: [{ id: remote.items.data[0].id, price: await priceFor(change.tier, change.interval) }],
        proration_behavior: "always_invoice",
        payment_behavior: "error_if_incomplete",
        billing_cycle_anchor: { type: change.interval === sub.interval ? "unchanged" : "now" },
        // The invoice.paid event reads the new plan from here.
        metadata: {
          tierId: change.tier.id,
          interval: change.interval,
          grantMillicredits: change.grantMillicredits.toString(),
        },
      })
      .catch(declined);
  },

  async setRenewalPlan(sub, next) {
    const remote = await stripe().subscriptions.retrieve(subscriptionId(sub));
    const scheduleId = typeof remote.schedule === "string" ? remote.schedule : remote.schedule?.id;
    if (next.tier.id === sub.tierId && next.interval === sub.interval) {
      // Back to the current plan: the schedule goes, the subscription simply renews.
      if (scheduleId) await stripe().subscriptionSchedules.release(scheduleId);
      return;
    }
    const schedule = scheduleId
      ? await stripe().subscriptionSchedules.retrieve(scheduleId)
      : await stripe().subscriptionSchedules.create({ from_subscription: remote.id });
    const current = schedule.phases[0];
    await stripe().subscriptionSchedules.update(schedule.id, {
      end_behavior: "release",
      phases: [
        {
          items: [{ price: remote.items.data[0].price.id, quantity: 1 }],
          start_date: current.start_date,
          end_date: current.end_date,
        },
        {
          items: [{ price: await priceFor(next.tier, next.interval), quantity: 1 }],
          metadata: { tierId: next.tier.id, interval: next.interval },
        },
      ],
    });
  },

  async setCancelAtPeriodEnd(sub, cancel) {
    await stripe().subscriptions.update(subscriptionId(sub), { cancel_at_period_end: cancel });
  },

  async cancelNow(sub) {
    await stripe().subscriptions.cancel(subscriptionId(sub));
  },

  async refund(payment, amountCents, actor, request) {
    if (!payment.providerChargeId)
      throw new AppError(
        "no_charge",
        "Stripe has not told us which charge paid this; refund it from the Stripe dashboard.",
        409,
      );
    const target = payment.providerChargeId.startsWith("pi_")
      ? { payment_intent: payment.providerChargeId }
      : { charge: payment.providerChargeId };
    await stripe().refunds.create(
      {
        ...target,
        amount: amountCents,
        ...(request?.stripeReason ? { reason: request.stripeReason } : {}),
        metadata: {
          ...(actor ? { refundedBy: actor.email } : {}),
          ...(request ? { reason: request.reason, tollgateRefundId: request.key } : {}),
        },
      },
      request ? { idempotencyKey: `refund:${request.key}` } : undefined,
    );
  },

  // Stripe keeps the card on the customer the first plan payment created; its default is what renewals charge.
  async savedCard(workspaceId) {
    const sub = await db.subscription.findFirst({
      where: { workspaceId, provider: "stripe", providerCustomerId: { not: null } },
      orderBy: { createdAt: "desc" },
    });
    if (!sub?.providerCustomerId) return null;
    const customer = await stripe().customers.retrieve(sub.providerCustomerId, {
      expand: ["invoice_settings.default_payment_method"],
    });
    if (customer.deleted) return null;
    const pm = customer.invoice_settings.default_payment_method;
    if (!pm || typeof pm === "string" || !pm.card) return null;
    return { brand: brandName(pm.card.brand), last4: pm.card.last4, ref: pm.id, customer: customer.id };
  },

  async chargeSavedCard({ checkout, card, description }) {
    await stripe()
      .paymentIntents.create(
        {
          amount: checkout.amountCents,
          currency: checkout.currency,
          customer: card.customer ?? undefined,
          payment_method: card.ref ?? undefined,
          off_session: true,
          confirm: true,
          description,
          metadata: { checkoutId: checkout.id, workspaceId: checkout.workspaceId },
        },
        // A double click or a retried job sends the same key: Stripe answers with the same intent.
        { idempotencyKey: checkout.id },
      )
      .catch(declined);
  },

  async paymentMethodUrl(_workspaceId, sub) {
    if (!sub?.providerCustomerId)
      throw new AppError(
        "no_customer",
        "There is no Stripe customer for this workspace yet: it is created with the first plan payment.",
        409,
      );
    const session = await stripe().billingPortal.sessions.create({
      customer: sub.providerCustomerId,
      return_url: url("/dashboard/billing"),
    });
    return session.url;
  },
};
