import type Stripe from "stripe";
import type { Tx } from "@/lib/db";
import { emitSubscriptionEvent } from "@/lib/webhooks/events";
import { eventTime, freeIfNoLivePlan, queueSubscriptionCanceled, RetryLaterError } from "./shared";

/**
 * The subscription ended (cancelled at period end, cancelled after an unpaid grace period, or on
 * the provider's dashboard). Ending is final: whatever arrives later never revives it. The
 * workspace is back on the free tier, paying as it goes, and the billing contact hears so (once per
 * subscription). The event carries the subscription's final state, which no earlier event may
 * change afterwards.
 */
export async function customerSubscriptionDeleted(tx: Tx, event: Stripe.Event): Promise<(string | null)[]> {
  const remote = event.data.object as Stripe.Subscription;
  const sub = await tx.subscription.findUnique({
    where: { providerSubscriptionId: remote.id },
    include: { tier: true },
  });
  if (!sub) throw new RetryLaterError(`Subscription ${remote.id} is not known yet.`);
  if (sub.status === "canceled") return [];
  const at = eventTime(event);
  const endedAt = remote.ended_at ? new Date(remote.ended_at * 1000) : at;
  await tx.subscription.update({
    where: { id: sub.id },
    data: {
      status: "canceled",
      canceledAt: endedAt,
      cancelAtPeriodEnd: remote.cancel_at_period_end ?? sub.cancelAtPeriodEnd,
      scheduledTierId: null,
      scheduledInterval: null,
      lastProviderEventAt:
        sub.lastProviderEventAt && sub.lastProviderEventAt > at ? sub.lastProviderEventAt : at,
    },
  });
  await emitSubscriptionEvent(tx, "subscription.canceled", sub);
  if (!(await freeIfNoLivePlan(tx, sub.workspaceId))) return [];
  return [await queueSubscriptionCanceled(tx, sub, endedAt)];
}
