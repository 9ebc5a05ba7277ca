import "server-only";
import { onSaleTierWhere } from "@/lib/catalog/tiers";
import { db, type Tier, type Tx } from "@/lib/db";
import { deliverQueued } from "@/lib/email/send";
import { env } from "@/lib/env";
import { AppError, NotFoundError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { quotePlanChange } from "@/lib/billing/plan-change";
import { onOwnTerms } from "@/lib/billing/plan-versions";
import type { Cancellation } from "@/lib/billing/cancellation";
import { FREE_TIER_CODE, liveSubscription } from "@/lib/billing/subscriptions";
import { formatDate } from "@/lib/utils/format";
import { emitSubscriptionEvent } from "@/lib/webhooks/events";
import { paymentProvider, type SubscriptionWithTier } from "./provider";
import { emailBillingContact, planChangeNames } from "./webhooks/shared";
import { log } from "@/lib/observability/logger";

// Changing a paid plan: upgrades (and monthly -> annual) are charged and applied now; downgrades
// (and annual -> monthly) are scheduled for the end of the period and can be taken back.

async function paidSubscription(workspaceId: string) {
  const sub = await liveSubscription(workspaceId);
  if (!sub || sub.tier.monthlyPriceCents === 0)
    throw new AppError("no_paid_plan", "This workspace has no paid plan.", 409);
  return sub;
}

/**
 * Stores a downgrade (or switch to monthly) for the period end and queues "your plan changes on …"
 * in the same transaction: one email per subscription, target tier and period, however often it is submitted.
 */
async function scheduleChange(
  tx: Tx,
  sub: SubscriptionWithTier,
  next: { tier: Tier; interval: "month" | "year" },
) {
  await tx.subscription.update({
    where: { id: sub.id },
    data: { scheduledTierId: next.tier.id, scheduledInterval: next.interval },
  });
  await emitSubscriptionEvent(tx, "subscription.updated", sub);
  return emailBillingContact(tx, sub.workspaceId, {
    template: "downgrade-scheduled",
    idempotencyKey: `downgrade-scheduled:${sub.id}:${next.tier.id}:${sub.currentPeriodEnd.toISOString()}`,
    props: {
      ...planChangeNames(sub, next),
      effectiveOn: formatDate(sub.currentPeriodEnd),
      billingUrl: `${env.APP_URL}/dashboard/billing`,
    },
  });
}

export async function changePlan(
  actor: Actor,
  workspaceId: string,
  tierCode: string,
  interval: "month" | "year",
) {
  const sub = await paidSubscription(workspaceId);
  if (sub.status === "past_due")
    throw new AppError(
      "past_due",
      "The last payment failed. Update your payment method before changing plans.",
      409,
    );
  if (sub.cancelAtPeriodEnd)
    throw new AppError("cancelling", "Your plan is set to end. Resume it before changing plans.", 409);
  const tier = await db.tier.findFirst({ where: { code: tierCode, ...onSaleTierWhere } });
  if (!tier || tier.monthlyPriceCents <= 0) throw new NotFoundError("Plan");
  // Quoted from the terms the subscriber has (their plan version); another tier at today's list price.
  const quote = quotePlanChange(onOwnTerms(sub), { tier, interval }, new Date());
  const provider = paymentProvider(sub.provider);
  if (quote.when === "now") {
    await provider.changePlanNow(sub, quote);
  } else {
    await provider.setRenewalPlan(sub, { tier, interval });
    const email = await db.$transaction((tx) => scheduleChange(tx, sub, { tier, interval }));
    await deliverQueued(email).catch((e: unknown) => log.error({ err: e }, "email delivery failed"));
  }
  await recordAudit(db, {
    actor,
    action: quote.when === "now" ? "subscription.change_now" : "subscription.schedule_change",
    targetType: "subscription",
    targetId: sub.id,
    before: { tier: sub.tier.code, interval: sub.interval },
    after: { tier: tier.code, interval, chargeCents: quote.chargeCents },
  });
  return quote;
}

/** Takes back a scheduled downgrade or interval switch: the plan renews as it is. */
export async function cancelScheduledChange(actor: Actor, workspaceId: string) {
  const sub = await paidSubscription(workspaceId);
  if (!sub.scheduledTierId && !sub.scheduledInterval)
    throw new AppError("nothing_scheduled", "No plan change is scheduled.", 409);
  await paymentProvider(sub.provider).setRenewalPlan(sub, { tier: sub.tier, interval: sub.interval });
  await db.$transaction(async (tx) => {
    await tx.subscription.update({
      where: { id: sub.id },
      data: { scheduledTierId: null, scheduledInterval: null },
    });
    await emitSubscriptionEvent(tx, "subscription.updated", sub);
  });
  await recordAudit(db, {
    actor,
    action: "subscription.unschedule_change",
    targetType: "subscription",
    targetId: sub.id,
    before: { scheduledTierId: sub.scheduledTierId, scheduledInterval: sub.scheduledInterval },
  });
}

/**
 * Cancel at the end of the paid period (back to pay as you go), or take that back. Stripe and local
 * subscriptions change through their provider's event; manual (comp) plans directly.
 */
/**
 * Cancel at period end (with the optional reason, kept in the audit entry, and a confirmation email)
 * or resume a plan that was set to end.
 */
export async function setCancelAtPeriodEnd(
  actor: Actor,
  workspaceId: string,
  cancel: boolean,
  why: Partial<Cancellation> = {},
) {
  const sub = await paidSubscription(workspaceId);
  if (sub.provider === "manual" || !sub.providerSubscriptionId) {
    // Provider plans change through their provider's customer.subscription.updated event instead.
    await db.$transaction(async (tx) => {
      await tx.subscription.update({ where: { id: sub.id }, data: { cancelAtPeriodEnd: cancel } });
      await emitSubscriptionEvent(tx, "subscription.updated", sub);
    });
  } else {
    if (cancel && (sub.scheduledTierId || sub.scheduledInterval))
      await cancelScheduledChange(actor, workspaceId);
    await paymentProvider(sub.provider).setCancelAtPeriodEnd(sub, cancel);
  }
  const email = await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actor,
      action: cancel ? "subscription.cancel_at_period_end" : "subscription.resume",
      targetType: "subscription",
      targetId: sub.id,
      after: cancel ? { reason: why.reason ?? null, comment: why.comment ?? null } : undefined,
    });
    return cancel ? queueCancellationConfirmed(tx, sub) : null;
  });
  if (email) await deliverQueued(email).catch((e: unknown) => log.error({ err: e }, "email delivery failed"));
}

/** "Your cancellation is confirmed": once per subscription and period end, however often it is re-cancelled. */
async function queueCancellationConfirmed(tx: Tx, sub: SubscriptionWithTier) {
  return emailBillingContact(tx, sub.workspaceId, {
    template: "cancellation-confirmed",
    idempotencyKey: `cancellation-confirmed:${sub.id}:${sub.currentPeriodEnd.toISOString()}`,
    props: {
      plan: sub.tier.name,
      endsOn: formatDate(sub.currentPeriodEnd),
      fallbackPlan: (await tx.tier.findUnique({ where: { code: FREE_TIER_CODE } }))?.name ?? "Free",
      billingUrl: `${env.APP_URL}/dashboard/billing`,
    },
  });
}

/** Where to manage the card on file: Stripe's Customer Portal or the local payment method page. */
export async function paymentMethodUrl(workspaceId: string) {
  const sub = await liveSubscription(workspaceId);
  return paymentProvider(sub && sub.provider !== "manual" ? sub.provider : undefined).paymentMethodUrl(
    workspaceId,
    sub,
  );
}

/**
 * Ends a plan at once: a manual (comp) plan here, a provider plan through its provider, whose
 * customer.subscription.deleted event then moves the workspace to the free tier.
 */
export async function endSubscriptionNow(sub: SubscriptionWithTier, now = new Date()) {
  if (sub.provider === "manual" || !sub.providerSubscriptionId) {
    await db.$transaction(async (tx) => {
      await tx.subscription.update({ where: { id: sub.id }, data: { status: "canceled", canceledAt: now } });
      await emitSubscriptionEvent(tx, "subscription.canceled", sub);
    });
  } else {
    await paymentProvider(sub.provider).cancelNow(sub);
  }
}

/** An admin ends a workspace's paid plan now (e.g. with a refund); audited on the subscription. */
export async function cancelPlanNow(actor: Actor, workspaceId: string, why: Partial<Cancellation> = {}) {
  const sub = await paidSubscription(workspaceId);
  await endSubscriptionNow(sub);
  await recordAudit(db, {
    actor,
    action: "subscription.cancel_now",
    targetType: "subscription",
    targetId: sub.id,
    after: { reason: why.reason ?? null, comment: why.comment ?? null },
  });
}
