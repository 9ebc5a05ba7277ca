import "server-only";
import type Stripe from "stripe";
import { attachCouponToSubscription, countCheckoutCoupon } from "@/lib/billing/coupons";
import { purchaseReference } from "@/lib/billing/buckets";
import { receiptEmailDetails } from "@/lib/billing/receipts";
import { changeBalance } from "@/lib/billing/ledger";
import { rewardReferral } from "@/lib/billing/referrals";
import { grantIncludedCredits } from "@/lib/billing/included-credits";
import { subscriptionTerms } from "@/lib/billing/plan-versions";
import { replaceLiveSubscription } from "@/lib/billing/subscriptions";
import { creditsLabel, formatCents } from "@/lib/catalog/money";
import type { CheckoutSession, Payment, Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { recordPaidConversion } from "@/lib/experiments/track";
import { formatDate } from "@/lib/utils/format";
import { packPaymentFields } from "../pack-payment";
import { eventTime, idOf, queueReceipt, queueReceiptEmail } from "./shared";

/**
 * A first paid plan: the subscription starts now on the plan version the checkout quoted, the
 * workspace draws its daily quota, and this month's included credits of that version arrive
 * (lib/billing/included-credits.ts: once per workspace and month).
 */
async function startSubscription(
  tx: Tx,
  session: Stripe.Checkout.Session,
  checkout: CheckoutSession,
  at: Date,
) {
  const tier = await tx.tier.findUniqueOrThrow({ where: { id: checkout.tierId! } });
  const interval = checkout.interval ?? "month";
  const { includedMillicredits, id: planVersionId } = await subscriptionTerms(tx, {
    tierId: tier.id,
    planVersionId: checkout.planVersionId,
  });
  const { subscription } = await replaceLiveSubscription(tx, {
    workspaceId: checkout.workspaceId,
    tierId: tier.id,
    planVersionId,
    interval,
    start: at,
    provider: checkout.provider,
    providerCustomerId: idOf(session.customer),
    // The local provider names its subscriptions like Stripe does, so later events can find them.
    providerSubscriptionId:
      idOf(session.subscription) ?? `sub_local_${checkout.id.slice("cs_local_".length)}`,
    lastProviderEventAt: at,
    tierChangedAt: at,
  });
  // A percent-off coupon keeps discounting renewals for its duration (once, N months, forever).
  if (checkout.couponId) await attachCouponToSubscription(tx, subscription.id, checkout.couponId, at);
  // The plan's included credits for this month now (less what the month already had on the free
  // plan); the monthly job grants the rest, month by month, on monthly and annual plans alike.
  const granted = await grantIncludedCredits(tx, checkout.workspaceId, {
    plan: { name: tier.name, includedMillicredits },
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
      millicredits: granted,
      periodStart: subscription.currentPeriodStart,
      periodEnd: subscription.currentPeriodEnd,
    },
  });
  return payment;
}

/** What the provider says was paid: the amount, the charge and (when it says) the card. */
export type PaidWith = {
  amountCents: number;
  currency: string;
  chargeId: string | null;
  card?: { brand: string; last4: string } | null;
};

async function creditPack(tx: Tx, checkout: CheckoutSession, paid: PaidWith) {
  const pack = await tx.creditPack.findUniqueOrThrow({ where: { id: checkout.creditPackId! } });
  const millicredits = pack.millicredits + pack.bonusMillicredits;
  const payment = await tx.payment.create({
    data: {
      ...packPaymentFields(checkout, pack),
      providerChargeId: paid.chargeId,
      amountCents: paid.amountCents,
      discountCents: checkout.discountCents,
      currency: paid.currency,
      status: "paid",
      millicredits,
      cardBrand: paid.card?.brand ?? null,
      cardLast4: paid.card?.last4 ?? null,
    },
  });
  const { balanceMillicredits } = await changeBalance(
    {
      workspaceId: checkout.workspaceId,
      amountMillicredits: millicredits,
      kind: "purchase",
      reference: purchaseReference(checkout.id),
      reason: `Credit pack: ${pack.name}`,
    },
    tx,
  );
  return { payment, pack, balanceMillicredits };
}

type PackBought = Awaited<ReturnType<typeof creditPack>>;

/** A credit pack's own receipt: what was added and the balance it left (same key as every receipt: one per payment). */
async function queueCreditPackReceipt(
  tx: Tx,
  { payment, pack, balanceMillicredits }: PackBought,
  to: { email: string; name: string | null },
  paidAt: Date,
) {
  return queueReceiptEmail(tx, payment, to, "credit-pack-receipt", {
    // Pack names are amounts ("50,000 credits"); the email reads "the 50,000 credits pack".
    pack: /\bpack$/i.test(pack.name) ? pack.name : `${pack.name} pack`,
    credits: creditsLabel(payment.millicredits),
    amount: formatCents(payment.amountCents, payment.currency),
    paidAt: formatDate(paidAt),
    reference: payment.checkoutSessionId ?? payment.id,
    details: await receiptEmailDetails(payment, to.email, tx),
    balance: creditsLabel(balanceMillicredits),
    receiptUrl: `${env.APP_URL}/dashboard/billing/receipts/${payment.id}`,
  });
}

/**
 * A paid checkout: a credit pack's credits (with its bonus) land in the wallet, or a first plan
 * starts. Our checkout row holds what was bought; the event only has to name it (metadata.checkoutId
 * or the session id). Afterwards: a checkout coupon is counted, a waiting referral pays out (with its
 * emails), and the receipt is queued — a plan's payment receipt, or a credit pack's receipt with the
 * new balance — all in this transaction.
 */
export async function checkoutSessionCompleted(tx: Tx, event: Stripe.Event): Promise<(string | null)[]> {
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.payment_status !== "paid") return [];
  const checkout = await tx.checkoutSession.findUnique({
    where: { id: session.metadata?.checkoutId ?? session.id },
  });
  if (!checkout || checkout.status === "complete") return [];
  if (checkout.kind === "credit_pack" && !checkout.creditPackId) return [];
  const at = eventTime(event);
  const paid = {
    amountCents: session.amount_total ?? checkout.amountCents,
    currency: session.currency ?? checkout.currency,
    chargeId: idOf(session.payment_intent),
  };
  return completeCheckout(tx, checkout, paid, at, (t) => startSubscription(t, session, checkout, at));
}

/**
 * Marks the checkout complete and applies what it bought: a pack's credits, or (through `start`) a
 * first plan; then counts its coupon, pays out a waiting referral and queues the receipt. Shared with
 * payment_intent.succeeded (packs paid with the saved card).
 */
export async function completeCheckout(
  tx: Tx,
  checkout: CheckoutSession,
  paid: PaidWith,
  at: Date,
  start?: (tx: Tx) => Promise<Payment>,
): Promise<(string | null)[]> {
  await tx.checkoutSession.update({
    where: { id: checkout.id },
    data: { status: "complete", completedAt: at },
  });
  const pack = checkout.kind === "subscription" ? null : await creditPack(tx, checkout, paid);
  const payment = pack?.payment ?? (await start!(tx));
  // A first plan bought during a price experiment: the buyer's variant's paid conversion.
  if (!pack) await recordPaidConversion(tx, checkout.userId, paid.amountCents, at);
  if (checkout.couponId)
    await countCheckoutCoupon(tx, checkout.couponId, checkout.workspaceId, checkout.userId);
  // A first payment is what a referral waits for.
  const referralEmails = await rewardReferral(tx, checkout.userId, checkout.workspaceId);
  const buyer = await tx.user.findUniqueOrThrow({ where: { id: checkout.userId } });
  const receipt = pack
    ? await queueCreditPackReceipt(tx, pack, buyer, at)
    : await queueReceipt(tx, payment, buyer, at);
  return [receipt, ...referralEmails];
}
