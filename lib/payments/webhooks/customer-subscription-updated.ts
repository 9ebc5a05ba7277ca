import type Stripe from "stripe";
import type { SubscriptionStatus, Tx } from "@/lib/db";

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
 * older than the last one applied to this subscription never overwrites newer state.
 */
export async function customerSubscriptionUpdated(tx: Tx, event: Stripe.Event) {
  const remote = event.data.object as Stripe.Subscription;
  const at = new Date(event.created * 1000);
  const sub = await tx.subscription.findUnique({ where: { providerSubscriptionId: remote.id } });
  if (!sub) return;
  if (sub.lastProviderEventAt && sub.lastProviderEventAt > at) return;
  const periodEnd = (remote as unknown as { current_period_end?: number }).current_period_end;
  await tx.subscription.update({
    where: { id: sub.id },
    data: {
      cancelAtPeriodEnd: remote.cancel_at_period_end,
      status: STATUS[remote.status] ?? sub.status,
      ...(periodEnd ? { currentPeriodEnd: new Date(periodEnd * 1000) } : {}),
      lastProviderEventAt: at,
    },
  });
}
