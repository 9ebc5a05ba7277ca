import type Stripe from "stripe";
import { countCheckoutCoupon } from "@/lib/billing/coupons";
import { changeBalance } from "@/lib/billing/ledger";
import { rewardReferral } from "@/lib/billing/referrals";
import { replaceLiveSubscription } from "@/lib/billing/subscriptions";
import type { CheckoutSession, Tx } from "@/lib/db";
import { eventTime, idOf, queueReceipt } from "./shared";


/**
 * A first paid plan: the subscription starts now, the workspace draws its daily quota, and the
 * plan's included credits are granted at once (reference: the checkout, so never twice).
 */
async function startSubscription(tx: Tx, session: Stripe.Checkout.Session, checkout: CheckoutSession, at: Date) {
  const tier = await tx.tier.findUniqueOrThrow({ where: { id: checkout.tierId! } });
  const interval = checkout.interval ?? "month";
  const { subscription } = await replaceLiveSubscription(tx, {
    workspaceId: checkout.workspaceId,
    tierId: tier.id,
    interval,
    start: at,
    provider: checkout.provider,
    providerCustomerId: idOf(session.customer),
    // The local provider names its subscriptions like Stripe does, so later events can find them.
    providerSubscriptionId: idOf(session.subscription) ?? `sub_local_${checkout.id.slice("cs_local_".length)}`,
    lastProviderEventAt: at,
    tierChangedAt: at,
  });
  const payment = await tx.payment.create({
    data: {
      workspaceId: checkout.workspaceId,
      provider: checkout.provider,
      kind: "plan_start",
      description: `${tier.name} plan (${interval === "year" ? "annual" : "monthly"})`,
      checkoutSessionId: checkout.id,
      providerInvoiceId: idOf(session.invoice),
      providerChargeId: idOf(session.payment_intent),
      amountCents: session.amount_total ?? checkout.amountCents,
      discountCents: checkout.discountCents,
      currency: session.currency ?? checkout.currency,
      status: "paid",
      millicredits: tier.includedMillicredits,
      periodStart: subscription.currentPeriodStart,
      periodEnd: subscription.currentPeriodEnd,
    },
  });
  if (tier.includedMillicredits > 0n) {
    await changeBalance(
      { workspaceId: checkout.workspaceId, amountMillicredits: tier.includedMillicredits, kind: "monthly_grant", reference: `grant:${checkout.id}`, reason: `${tier.name} included credits` },
      tx,
    );
  }
  return payment;
}

async function creditPack(tx: Tx, session: Stripe.Checkout.Session, checkout: CheckoutSession) {
  const pack = await tx.creditPack.findUniqueOrThrow({ where: { id: checkout.creditPackId! } });
  const millicredits = pack.millicredits + pack.bonusMillicredits;
  const payment = await tx.payment.create({
    data: {
      workspaceId: checkout.workspaceId,
      provider: checkout.provider,
      kind: "credit_pack",
      description: `Credit pack: ${pack.name}`,
      checkoutSessionId: checkout.id,
      providerChargeId: idOf(session.payment_intent),
      amountCents: session.amount_total ?? checkout.amountCents,
      discountCents: checkout.discountCents,
      currency: session.currency ?? checkout.currency,
      status: "paid",
      millicredits,
    },
  });
  await changeBalance({ workspaceId: checkout.workspaceId, amountMillicredits: millicredits, kind: "purchase", reference: `checkout:${checkout.id}`, reason: `Credit pack: ${pack.name}` }, tx);
  return payment;
}

/**
 * A paid checkout: a credit pack's credits (with its bonus) land in the wallet, or a first plan
 * starts. Our checkout row holds what was bought; the event only has to name it (metadata.checkoutId
 * or the session id). Afterwards: a checkout coupon is counted, a waiting referral pays out, and the
 * receipt is queued — all in this transaction.
 */
export async function checkoutSessionCompleted(tx: Tx, event: Stripe.Event): Promise<(string | null)[]> {
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.payment_status !== "paid") return [];
  const checkout = await tx.checkoutSession.findUnique({ where: { id: session.metadata?.checkoutId ?? session.id } });
  if (!checkout || checkout.status === "complete") return [];
  if (checkout.kind === "credit_pack" && !checkout.creditPackId) return [];
  const at = eventTime(event);
  await tx.checkoutSession.update({ where: { id: checkout.id }, data: { status: "complete", completedAt: at } });
  const payment = checkout.kind === "subscription" ? await startSubscription(tx, session, checkout, at) : await creditPack(tx, session, checkout);
  if (checkout.couponId) await countCheckoutCoupon(tx, checkout.couponId, checkout.workspaceId, checkout.userId);
  // A first payment is what a referral waits for.
  await rewardReferral(tx, checkout.userId, checkout.workspaceId);
  const buyer = await tx.user.findUniqueOrThrow({ where: { id: checkout.userId } });
  return [await queueReceipt(tx, payment, buyer, at)];
}
