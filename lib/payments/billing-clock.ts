import "server-only";
import { getSettings } from "@/lib/settings/settings";
import { renewalDiscount } from "@/lib/billing/coupons";
import { priceFor } from "@/lib/billing/plan-change";
import { planVersionFrom } from "@/lib/billing/plan-versions";
import { periodEnd } from "@/lib/billing/subscriptions";
import { db } from "@/lib/db";
import { deliverLocalEvent } from "./local-events";
import { cardOnFileCharges } from "./cards";
import { localInvoice } from "./local-objects";
import { localProvider } from "./local-provider";
import { endSubscriptionNow } from "./plans";
import type { SubscriptionWithTier } from "./provider";
import { log } from "@/lib/observability/logger";

// The billing clock, run by the background sweep. Stripe runs its own for Stripe subscriptions;
// for local ones this plays Stripe's part — renewals are charged to the card on file and reported
// as invoice.paid / invoice.payment_failed, plans set to cancel end with
// customer.subscription.deleted. For every provider, a plan still unpaid after the grace period
// ends and the workspace returns to the free tier. Every step is idempotent (invoice ids are
// derived from the subscription and period), so overlapping sweeps do no harm.

const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

/** The invoice for the period starting at `start`: the same id however often it is attempted. */
const renewalInvoiceId = (subscriptionId: string, start: Date) =>
  `in_local_${subscriptionId}_${epoch(start)}`;

async function chargeRenewal(
  sub: SubscriptionWithTier & { scheduledTier: SubscriptionWithTier["tier"] | null },
  start: Date,
) {
  const tier = sub.scheduledTier ?? sub.tier;
  const interval = sub.scheduledInterval ?? sub.interval;
  // Grandfathered: the price of the version the subscription was sold at, until a move is due.
  const version = await planVersionFrom(db, sub, tier.id, start);
  const card = await db.paymentMethod.findUnique({ where: { workspaceId: sub.workspaceId } });
  const paid = cardOnFileCharges(card);
  const listCents = priceFor(version, interval);
  // The coupon the plan was bought with, while its duration lasts and on the plans it allows.
  const { discountCents } = await renewalDiscount(sub, tier.id, start, listCents);
  const invoice = localInvoice({
    id: renewalInvoiceId(sub.id, start),
    subscriptionId: sub.providerSubscriptionId!,
    billingReason: "subscription_cycle",
    amountCents: listCents - discountCents,
    discountCents,
    currency: version.currency,
    description: `${tier.name} plan`,
    periodStart: start,
    periodEnd: periodEnd(start, interval),
    paid,
    metadata: { tierId: tier.id, interval, planVersionId: version.id },
  });
  await deliverLocalEvent(paid ? "invoice.paid" : "invoice.payment_failed", invoice);
}

/** Renews or ends local subscriptions whose period is over. */
export async function renewDueLocalSubscriptions(now = new Date()) {
  const due = await db.subscription.findMany({
    where: {
      provider: "local",
      status: { in: ["active", "trialing"] },
      currentPeriodEnd: { lte: now },
      providerSubscriptionId: { not: null },
    },
    include: { tier: true, scheduledTier: true },
    take: 100,
  });
  for (const sub of due) {
    try {
      if (sub.cancelAtPeriodEnd) await localProvider.cancelNow(sub);
      else await chargeRenewal(sub, sub.currentPeriodEnd);
    } catch (e) {
      log.error({ err: e }, `renewal of ${sub.id} failed`);
    }
  }
  return due.length;
}

/** After a new card is saved: the unpaid renewal of a past-due local plan is charged again. */
export async function retryPastDueRenewal(workspaceId: string) {
  const sub = await db.subscription.findFirst({
    where: { workspaceId, provider: "local", status: "past_due" },
    include: { tier: true, scheduledTier: true },
  });
  if (!sub) return false;
  await chargeRenewal(sub, sub.currentPeriodStart);
  return true;
}

/** Plans past due for longer than the grace period end; the workspace is on the free tier again. */
export async function endUnpaidSubscriptions(now = new Date()) {
  const { paymentGraceDays } = await getSettings();
  const expired = await db.subscription.findMany({
    where: { status: "past_due", pastDueAt: { lte: new Date(now.getTime() - paymentGraceDays * 864e5) } },
    include: { tier: true },
  });
  for (const sub of expired) {
    try {
      await endSubscriptionNow(sub, now);
    } catch (e) {
      log.error({ err: e }, `ending unpaid subscription ${sub.id} failed`);
    }
  }
  return expired.length;
}

export async function runBillingClock(now = new Date()) {
  await renewDueLocalSubscriptions(now);
  await endUnpaidSubscriptions(now);
}
