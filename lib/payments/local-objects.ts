import "server-only";
import { randomBytes } from "node:crypto";

// Stripe-shaped objects for the local provider's events: the fields Tollgate's webhook handlers
// read, named and nested as in Stripe's API (2025 "basil" shapes, see test/fixtures/stripe-objects.json).

export const localId = (prefix: string) => `${prefix}_local_${randomBytes(12).toString("hex")}`;
const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

type InvoiceInput = {
  id: string;
  subscriptionId: string;
  billingReason: "subscription_create" | "subscription_update" | "subscription_cycle";
  amountCents: number;
  /** Taken off by a coupon (Stripe's total_discount_amounts); the amount is after it. */
  discountCents?: number;
  currency: string;
  description: string;
  periodStart: Date;
  periodEnd: Date;
  paid: boolean;
  attemptCount?: number;
  /** Lines as Stripe itemises a proration (a credit for unused time is negative); default one line of the amount. */
  lines?: { description: string; amountCents: number }[];
  /** For plan changes: the plan the invoice moves the subscription to. */
  metadata?: Record<string, string>;
};

export function localInvoice(i: InvoiceInput) {
  const paymentIntent = i.paid ? `pi_local_${i.id.slice("in_local_".length)}` : null;
  return {
    id: i.id,
    object: "invoice",
    billing_reason: i.billingReason,
    status: i.paid ? "paid" : "open",
    amount_due: i.amountCents,
    amount_paid: i.paid ? i.amountCents : 0,
    amount_remaining: i.paid ? 0 : i.amountCents,
    attempt_count: i.attemptCount ?? 1,
    total_discount_amounts: i.discountCents ? [{ amount: i.discountCents, discount: "di_local" }] : [],
    attempted: true,
    currency: i.currency,
    created: epoch(new Date()),
    customer: null,
    period_start: epoch(i.periodStart),
    period_end: epoch(i.periodEnd),
    payment_intent: paymentIntent,
    metadata: i.metadata ?? {},
    parent: {
      type: "subscription_details",
      subscription_details: { subscription: i.subscriptionId, metadata: i.metadata ?? {} },
    },
    lines: {
      object: "list",
      has_more: false,
      data: (
        i.lines ?? [{ description: i.description, amountCents: i.amountCents + (i.discountCents ?? 0) }]
      ).map((l) => ({
        object: "line_item",
        amount: l.amountCents,
        currency: i.currency,
        description: l.description,
        period: { start: epoch(i.periodStart), end: epoch(i.periodEnd) },
      })),
    },
    livemode: false,
  };
}

export function localCharge(c: {
  id: string;
  paymentIntent: string | null;
  amountCents: number;
  amountRefundedCents: number;
  currency: string;
  metadata?: Record<string, string>;
}) {
  return {
    id: c.id,
    object: "charge",
    amount: c.amountCents,
    amount_captured: c.amountCents,
    amount_refunded: c.amountRefundedCents,
    refunded: c.amountRefundedCents >= c.amountCents,
    currency: c.currency,
    paid: true,
    status: "succeeded",
    payment_intent: c.paymentIntent,
    created: epoch(new Date()),
    metadata: c.metadata ?? {},
    livemode: false,
  };
}

export function localSubscription(s: {
  id: string;
  status: string;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date;
  endedAt?: Date;
}) {
  return {
    id: s.id,
    object: "subscription",
    status: s.status,
    cancel_at_period_end: s.cancelAtPeriodEnd,
    current_period_end: epoch(s.currentPeriodEnd),
    ended_at: s.endedAt ? epoch(s.endedAt) : null,
    livemode: false,
  };
}

/** A succeeded off-session PaymentIntent for the card on file, with the card Stripe reports in its charge. */
export function localPaymentIntent(p: {
  id: string;
  amountCents: number;
  currency: string;
  metadata: Record<string, string>;
  card: { brand: string; last4: string };
}) {
  return {
    id: p.id,
    object: "payment_intent",
    amount: p.amountCents,
    amount_received: p.amountCents,
    currency: p.currency,
    status: "succeeded",
    customer: null,
    payment_method: null,
    created: epoch(new Date()),
    metadata: p.metadata,
    latest_charge: {
      id: `ch_${p.id}`,
      object: "charge",
      payment_method_details: {
        type: "card",
        card: { brand: p.card.brand.toLowerCase(), last4: p.card.last4 },
      },
    },
    livemode: false,
  };
}
