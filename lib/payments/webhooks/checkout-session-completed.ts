import type Stripe from "stripe";
import { changeBalance } from "@/lib/billing/ledger";
import { replaceLiveSubscription } from "@/lib/billing/subscriptions";
import { rewardReferral } from "@/lib/billing/referrals";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import type { CheckoutSession, Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/utils/format";

/** After a payment: pays out a waiting referral, queues the receipt (same transaction); returns its outbox key. */
async function afterPayment(tx: Tx, checkout: CheckoutSession, p: { description: string; amountCents: number; currency: string; millicredits: bigint; paidAt: Date }) {
  // A first payment is what a referral waits for.
  await rewardReferral(tx, checkout.userId, checkout.workspaceId);
  const user = await tx.user.findUniqueOrThrow({ where: { id: checkout.userId } });
  return queueEmail(
    {
      template: "payment-receipt",
      to: user.email,
      idempotencyKey: `receipt:${checkout.id}`,
      props: {
        name: user.name,
        description: p.description,
        amount: formatCents(p.amountCents, p.currency),
        paidAt: formatDate(p.paidAt),
        reference: checkout.id,
        credits: p.millicredits > 0n ? formatCredits(p.millicredits) : null,
        billingUrl: `${env.APP_URL}/dashboard/billing`,
      },
    },
    tx,
  );
}

/**
 * A first paid plan: the subscription starts now, the workspace draws its daily quota, and the
 * plan's included credits are granted at once (reference: the checkout, so never twice).
 */
async function startSubscription(tx: Tx, event: Stripe.Event, session: Stripe.Checkout.Session, checkout: CheckoutSession): Promise<string[]> {
  const tier = await tx.tier.findUniqueOrThrow({ where: { id: checkout.tierId! } });
  const interval = checkout.interval ?? "month";
  const start = new Date(event.created * 1000);
  await replaceLiveSubscription(tx, {
    workspaceId: checkout.workspaceId,
    tierId: tier.id,
    interval,
    start,
    provider: checkout.provider,
    providerCustomerId: typeof session.customer === "string" ? session.customer : null,
    // The local provider names its subscriptions like Stripe does, so later events can find them.
    providerSubscriptionId: typeof session.subscription === "string" ? session.subscription : `sub_local_${checkout.id.slice("cs_local_".length)}`,
    lastProviderEventAt: start,
  });
  const payment = await tx.payment.create({
    data: {
      workspaceId: checkout.workspaceId,
      provider: checkout.provider,
      description: `${tier.name} plan (${interval === "year" ? "annual" : "monthly"})`,
      checkoutSessionId: checkout.id,
      providerInvoiceId: typeof session.invoice === "string" ? session.invoice : null,
      amountCents: session.amount_total ?? checkout.amountCents,
      currency: session.currency ?? checkout.currency,
      status: "paid",
      millicredits: tier.includedMillicredits,
    },
  });
  if (tier.includedMillicredits > 0n) {
    await changeBalance(
      { workspaceId: checkout.workspaceId, amountMillicredits: tier.includedMillicredits, kind: "monthly_grant", reference: `grant:${checkout.id}`, reason: `${tier.name} included credits` },
      tx,
    );
  }
  return [await afterPayment(tx, checkout, { ...payment, paidAt: start })];
}

/**
 * A paid checkout. A subscription checkout starts the plan. Credit packs: the pack's credits (with its bonus) land in the wallet, once, with
 * the checkout session id as the ledger reference. Our checkout row holds what was bought; the
 * event only has to name it (metadata.checkoutId or the session id).
 */
export async function checkoutSessionCompleted(tx: Tx, event: Stripe.Event): Promise<string[]> {
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.payment_status !== "paid") return [];
  const checkoutId = session.metadata?.checkoutId ?? session.id;
  const checkout = await tx.checkoutSession.findUnique({ where: { id: checkoutId } });
  if (!checkout || checkout.status === "complete") return [];
  await tx.checkoutSession.update({ where: { id: checkout.id }, data: { status: "complete", completedAt: new Date(event.created * 1000) } });
  if (checkout.kind === "subscription") return startSubscription(tx, event, session, checkout);
  if (!checkout.creditPackId) return [];
  const pack = await tx.creditPack.findUniqueOrThrow({ where: { id: checkout.creditPackId } });
  const millicredits = pack.millicredits + pack.bonusMillicredits;
  const payment = await tx.payment.create({
    data: {
      workspaceId: checkout.workspaceId,
      provider: checkout.provider,
      description: `Credit pack: ${pack.name}`,
      checkoutSessionId: checkout.id,
      providerChargeId: typeof session.payment_intent === "string" ? session.payment_intent : null,
      amountCents: session.amount_total ?? checkout.amountCents,
      currency: session.currency ?? checkout.currency,
      status: "paid",
      millicredits,
    },
  });
  await changeBalance(
    { workspaceId: checkout.workspaceId, amountMillicredits: millicredits, kind: "purchase", reference: `checkout:${checkout.id}`, reason: `Credit pack: ${pack.name}` },
    tx,
  );
  return [await afterPayment(tx, checkout, { ...payment, paidAt: new Date(event.created * 1000) })];
}
