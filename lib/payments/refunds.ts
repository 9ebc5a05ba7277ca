import "server-only";
import {
  PAYMENT_SORT_DEFAULT,
  paymentOrderBy,
  paymentWhere,
  type PaymentFilter,
  type PaymentSortKey,
} from "@/lib/admin/payments";
import type { Sort } from "@/lib/admin/list-sort";
import type { Actor } from "@/lib/audit/record";
import { unspentCredits } from "@/lib/billing/buckets";
import { db, type Payment } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { issueRefund } from "./refund-request";

// Admin refunds: in full within 24 hours of the payment, prorated after — by the time left of
// the period a plan payment paid for, or by the share of a credit pack's credits still unspent.
// The provider refunds; its charge.refunded event claws back the credits and is audited.

const FULL_REFUND_WINDOW_MS = 24 * 3600 * 1000;

export type RefundQuote = {
  amountCents: number;
  basis: "full" | "time_left" | "unspent_credits";
  refundableCents: number;
};

export function quoteRefund(payment: Payment, unspentMillicredits: bigint, now = new Date()): RefundQuote {
  const refundableCents = payment.amountCents - payment.refundedCents;
  if (payment.status !== "paid" && payment.status !== "partially_refunded")
    return { amountCents: 0, basis: "full", refundableCents: 0 };
  if (now.getTime() - payment.createdAt.getTime() <= FULL_REFUND_WINDOW_MS)
    return { amountCents: refundableCents, basis: "full", refundableCents };
  let share: number;
  let basis: RefundQuote["basis"];
  if (payment.periodStart && payment.periodEnd) {
    const total = payment.periodEnd.getTime() - payment.periodStart.getTime();
    share = total > 0 ? Math.min(Math.max(payment.periodEnd.getTime() - now.getTime(), 0) / total, 1) : 0;
    basis = "time_left";
  } else {
    share =
      payment.millicredits > 0n
        ? Number((unspentMillicredits * 1_000_000n) / payment.millicredits) / 1_000_000
        : 0;
    basis = "unspent_credits";
  }
  // What the prorated share is worth, less what was refunded already.
  const amountCents = Math.min(
    Math.max(Math.floor(payment.amountCents * share) - payment.refundedCents, 0),
    refundableCents,
  );
  return { amountCents, basis, refundableCents };
}

export async function getRefundQuote(paymentId: string, now = new Date()) {
  const payment = await db.payment.findUnique({ where: { id: paymentId } });
  if (!payment) throw new NotFoundError("Payment");
  const [unspent] = await unspentCredits([payment]);
  return { payment, quote: quoteRefund(payment, unspent, now) };
}

/**
 * Refunds the suggested amount (the quote above) as the customer asked, keeping the plan: the
 * payments list's one-click refund. The payment page refunds any amount (lib/payments/refund-request.ts).
 */
export async function refundPayment(actor: Actor, paymentId: string, now = new Date()) {
  const { payment, quote } = await getRefundQuote(paymentId, now);
  if (payment.status === "failed")
    throw new AppError("nothing_to_refund", "This charge failed; nothing was paid.", 409);
  if (quote.amountCents <= 0)
    throw new AppError("nothing_to_refund", "Nothing is left to refund on this payment.", 409);
  // Keyed by how many refunds the payment has: a double click sends the same key and refunds once.
  const earlier = await db.refund.count({ where: { paymentId } });
  await issueRefund(actor, {
    paymentId,
    requestKey: `suggested:${paymentId}:${earlier}`,
    amount: quote.amountCents,
    reason: "requested_by_customer",
    note: undefined,
    planAction: "keep",
  });
  return quote;
}

/** Payments for the admin console, newest first, with each workspace's name. */
export async function listPayments(
  filter: PaymentFilter & { page: number; pageSize: number },
  sort: Sort<PaymentSortKey> = PAYMENT_SORT_DEFAULT,
) {
  const where = paymentWhere(filter);
  const [total, payments] = await Promise.all([
    db.payment.count({ where }),
    db.payment.findMany({
      where,
      orderBy: paymentOrderBy(sort),
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    }),
  ]);
  const [workspaces, unspent] = await Promise.all([
    db.workspace.findMany({
      where: { id: { in: [...new Set(payments.map((p) => p.workspaceId))] } },
      select: { id: true, name: true },
    }),
    unspentCredits(payments),
  ]);
  const byId = new Map(workspaces.map((w) => [w.id, w]));
  return {
    total,
    payments: payments.map((p, i) => ({
      payment: p,
      workspace: byId.get(p.workspaceId)!,
      quote: quoteRefund(p, unspent[i]),
    })),
  };
}
