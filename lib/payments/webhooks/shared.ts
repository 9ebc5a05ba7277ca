import "server-only";
import type Stripe from "stripe";
import { receiptEmailDetails } from "@/lib/billing/receipts";
import { FREE_TIER_CODE, liveSubscriptionArgs } from "@/lib/billing/subscriptions";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import { db, type Payment, type Subscription, type Tier, type Tx } from "@/lib/db";
import { queueEmailTo, type Recipient, type SendEmailInput } from "@/lib/email/send";
import type { TemplateName, TemplateProps } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/utils/format";

// Pieces every webhook handler shares: reading Stripe objects across API versions, the
// per-subscription event-time guard, the receipt and the other billing emails.

/** An event that may apply later (e.g. it arrived before the one that creates its subscription): answered 500 so Stripe retries. */
export class RetryLaterError extends AppError {
  constructor(message: string) {
    super("retry_later", message, 500);
  }
}

/** A signed event that can never apply (malformed, or naming what cannot exist): answered 400 and kept as rejected. */
export class MalformedEventError extends AppError {
  constructor(message: string) {
    super("malformed_event", message, 400);
  }
}

export const eventTime = (event: Stripe.Event) => new Date(event.created * 1000);

/** Is this event at least as new as the last one applied to the subscription's status? */
export const isNewer = (at: Date, last: Date | null) => !last || at >= last;

type LooseInvoice = Stripe.Invoice & {
  subscription?: string | { id: string } | null;
  payment_intent?: string | { id: string } | null;
  charge?: string | { id: string } | null;
};
export const idOf = (v: string | { id: string } | null | undefined) =>
  typeof v === "string" ? v : (v?.id ?? null);

export function invoiceSubscriptionId(invoice: Stripe.Invoice): string | null {
  const inv = invoice as LooseInvoice;
  return idOf(inv.parent?.subscription_details?.subscription) ?? idOf(inv.subscription);
}

/** An invoice event's invoice, its subscription's id and our row for it (null: none, or not known yet). */
export async function invoiceSubscription(tx: Tx, event: Stripe.Event) {
  const invoice = event.data.object as Stripe.Invoice;
  const subscriptionId = invoiceSubscriptionId(invoice);
  const sub = subscriptionId
    ? await tx.subscription.findUnique({
        where: { providerSubscriptionId: subscriptionId },
        include: { tier: true, scheduledTier: true },
      })
    : null;
  return { invoice, subscriptionId, sub };
}

export function invoiceMetadata(invoice: Stripe.Invoice): Record<string, string> {
  return { ...(invoice.metadata ?? {}), ...(invoice.parent?.subscription_details?.metadata ?? {}) };
}

export const invoiceChargeId = (invoice: Stripe.Invoice) =>
  idOf((invoice as LooseInvoice).payment_intent) ?? idOf((invoice as LooseInvoice).charge);

/** The service period the invoice bills: its subscription lines' (Stripe's invoice.period_* is the previous period). */
export function invoicePeriod(invoice: Stripe.Invoice) {
  const lines = invoice.lines?.data ?? [];
  const last = lines.reduce<(typeof lines)[number] | null>(
    (a, l) => (!a || l.period.end > a.period.end ? l : a),
    null,
  );
  const start = last?.period.start ?? invoice.period_start;
  const end = last?.period.end ?? invoice.period_end;
  return { start: new Date(start * 1000), end: new Date(end * 1000) };
}

/**
 * After a subscription ends: is the workspace back on the free plan (no other plan is live)? It
 * keeps drawing a daily quota — the free plan's — so its account type stays as it is.
 */
export async function freeIfNoLivePlan(tx: Tx, workspaceId: string) {
  const live = await tx.subscription.count({ where: { workspaceId, ...liveSubscriptionArgs.where } });
  return live === 0;
}

/** The workspace's owner: who receipts and billing emails go to. */
export async function billingContact(tx: Tx | typeof db, workspaceId: string) {
  const m = await tx.membership.findFirstOrThrow({
    where: { workspaceId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    include: { user: true },
  });
  return m.user;
}

/** Queues a billing email to the workspace's billing contact, greeted by name, in the same transaction. */
export async function emailBillingContact<T extends TemplateName>(
  tx: Tx,
  workspaceId: string,
  input: Omit<SendEmailInput<T>, "to" | "props"> & { props: Omit<TemplateProps<T>, "name"> },
) {
  return queueEmailTo(await billingContact(tx, workspaceId), input, tx);
}

/** Queues the receipt for a payment in the same transaction; returns its outbox key. */
export async function queueReceipt(
  tx: Tx,
  payment: Payment,
  to: { email: string; name: string | null },
  paidAt: Date,
) {
  return queueReceiptEmail(tx, payment, to, "payment-receipt", {
    description: payment.description,
    amount: formatCents(payment.amountCents, payment.currency),
    paidAt: formatDate(paidAt),
    reference: payment.providerInvoiceId ?? payment.checkoutSessionId ?? payment.id,
    details: await receiptEmailDetails(payment, to.email, tx),
    credits: payment.millicredits > 0n ? formatCredits(payment.millicredits) : null,
    billingUrl: `${env.APP_URL}/dashboard/billing/receipts/${payment.id}`,
  });
}

type ReceiptTemplate = "payment-receipt" | "credit-pack-receipt";

/** A payment's receipt, in whichever template: one per payment (every receipt's key is the payment's). */
export function queueReceiptEmail<T extends ReceiptTemplate>(
  tx: Tx,
  payment: Payment,
  to: Recipient,
  template: T,
  props: Omit<TemplateProps<T>, "name">,
) {
  return queueEmailTo(to, { template, idempotencyKey: `receipt:${payment.id}`, props }, tx);
}

export const intervalName = (i: "month" | "year") => (i === "year" ? "annual" : "monthly");

type PlanRef = { tier: { id: string; name: string }; interval: "month" | "year" };

/** "From" and "to" for plan-change emails: the tier names, with the billing interval when only that changes. */
export function planChangeNames(from: PlanRef, to: PlanRef) {
  if (from.tier.id !== to.tier.id) return { fromPlan: from.tier.name, toPlan: to.tier.name };
  return {
    fromPlan: `${from.tier.name} (${intervalName(from.interval)})`,
    toPlan: `${to.tier.name} (${intervalName(to.interval)})`,
  };
}

/** Queues "your plan has ended" for a subscription that ended with the workspace back on the free plan: once per subscription. */
export async function queueSubscriptionCanceled(tx: Tx, sub: Subscription & { tier: Tier }, endedAt: Date) {
  return emailBillingContact(tx, sub.workspaceId, {
    template: "subscription-canceled",
    idempotencyKey: `subscription-canceled:${sub.id}`,
    props: {
      plan: sub.tier.name,
      endedOn: formatDate(endedAt),
      fallbackPlan: (await tx.tier.findUnique({ where: { code: FREE_TIER_CODE } }))?.name ?? "Free",
      billingUrl: `${env.APP_URL}/dashboard/billing`,
    },
  });
}
