import type Stripe from "stripe";
import type { SubscriptionStatus, Tx } from "@/lib/db";
import { emitSubscriptionEvent } from "@/lib/webhooks/events";
import { eventTime, freeIfNoLivePlan, isNewer, queueSubscriptionCanceled, RetryLaterError } from "./shared";

const STATUS: Partial<Record<Stripe.Subscription.Status, SubscriptionStatus>> = {
  active: "active",
  trialing: "trialing",
  past_due: "past_due",
  canceled: "canceled",
  incomplete: "incomplete",
  unpaid: "past_due",
  incomplete_expired: "canceled",
};

/**
 * The provider's view of a subscription changed (cancel at period end, resume, status). An event
 * older than the last one applied to this subscription never overwrites newer state, and an ended
 * subscription stays ended. Plan (tier) changes arrive with their invoice, not here. A status of
 * canceled ends the plan like customer.subscription.deleted does (same email, sent once whichever
 * of the two comes first).
 */
export async function customerSubscriptionUpdated(tx: Tx, event: Stripe.Event): Promise<(string | null)[]> {
  const remote = event.data.object as Stripe.Subscription & { current_period_end?: number };
  const at = eventTime(event);
  const sub = await tx.subscription.findUnique({
    where: { providerSubscriptionId: remote.id },
    include: { tier: true },
  });
  // Unknown yet: Stripe sends this before checkout.session.completed (which starts the plan); its retry applies it.
  if (!sub) throw new RetryLaterError(`Subscription ${remote.id} is not known yet.`);
  if (sub.status === "canceled" || !isNewer(at, sub.lastProviderEventAt)) return [];
  const status = (Object.hasOwn(STATUS, remote.status) ? STATUS[remote.status] : undefined) ?? sub.status;
  const periodEnd = remote.current_period_end ?? remote.items?.data?.[0]?.current_period_end;
  await tx.subscription.update({
    where: { id: sub.id },
    data: {
      cancelAtPeriodEnd: remote.cancel_at_period_end,
      status,
      pastDueAt: status === "past_due" ? (sub.pastDueAt ?? at) : null,
      ...(status === "canceled" ? { canceledAt: at, scheduledTierId: null, scheduledInterval: null } : {}),
      // Periods only move forward, whatever order their events arrive in.
      ...(periodEnd && periodEnd * 1000 > sub.currentPeriodEnd.getTime()
        ? { currentPeriodEnd: new Date(periodEnd * 1000) }
        : {}),
      lastProviderEventAt: at,
    },
  });
  await emitSubscriptionEvent(
    tx,
    status === "canceled" ? "subscription.canceled" : "subscription.updated",
    sub,
  );
  if (status !== "canceled" || !(await freeIfNoLivePlan(tx, sub.workspaceId))) return [];
  return [await queueSubscriptionCanceled(tx, sub, at)];
}
