import "server-only";
import { log } from "@/lib/observability/logger";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { creditsLabel, formatExactCents } from "@/lib/catalog/money";
import { dollars } from "@/lib/catalog/schemas";
import { ledgerEntryByReference } from "@/lib/billing/ledger";
import { liveSubscription } from "@/lib/billing/subscriptions";
import { db, type Payment, type Refund } from "@/lib/db";
import { deliverQueued, queueEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { AppError, NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/utils/format";
import { cancelPlanNow, setCancelAtPeriodEnd } from "./plans";
import { paymentProvider, type RefundRequest } from "./provider";
import { PLAN_ACTIONS, REFUND_REASONS, type RefundReason } from "./refund-reasons";

export { PLAN_ACTIONS, REFUND_REASONS, type RefundReason };
import { billingContact } from "./webhooks/shared";

// An admin refund: any amount up to what is left (several partial refunds until the total), a
// reason, what happens to the plan, an email to the customer and an entry in the workspace's audit
// tab. The request is claimed first — a Refund row under the payment's row lock, keyed by the
// form's request key — so a double click, a retry or two admins at once refund once and never past
// the payment. The provider then refunds (Stripe with the same key as its idempotency key); its
// charge.refunded event moves Payment.refundedCents and takes back the credits the refunded share
// bought, pro-rata and only as far as they are unspent, through the ledger (never below zero).

// Stripe knows three reasons; the others travel only as metadata.
const STRIPE_REASON: Partial<Record<RefundReason, RefundRequest["stripeReason"]>> = {
  requested_by_customer: "requested_by_customer",
  duplicate: "duplicate",
  fraudulent: "fraudulent",
};

export const refundFormSchema = z
  .object({
    paymentId: z.string().trim().min(1).max(64),
    requestKey: z.string().trim().min(8).max(100),
    amount: dollars("Amount").refine((c) => c > 0, "Amount: enter more than zero."),
    reason: z.enum(Object.keys(REFUND_REASONS) as [RefundReason], { message: "Choose a reason." }),
    note: z
      .string()
      .trim()
      .max(500, "Keep the note under 500 characters.")
      .optional()
      .transform((v) => v || undefined),
    planAction: z.enum(["keep", "cancel_at_period_end", "cancel_now"], {
      message: "Choose what happens to the plan.",
    }),
  })
  .refine((v) => v.reason !== "other" || v.note, {
    path: ["note"],
    message: "Say why: the reason is “Other”.",
  });
export type RefundInput = z.infer<typeof refundFormSchema>;

/** What is left to refund: the payment less what was refunded here or at the provider. */
export function refundableCents(payment: Payment, refundedHere: number) {
  if (payment.status === "failed") return 0;
  return Math.max(payment.amountCents - Math.max(payment.refundedCents, refundedHere), 0);
}

const sumRefunds = (refunds: Pick<Refund, "amountCents">[]) => refunds.reduce((s, r) => s + r.amountCents, 0);

/** A payment for its detail page: the payment, its workspace, customer, refunds so far and what is left. */
export async function getPaymentDetail(id: string) {
  const payment = await db.payment.findUnique({ where: { id } });
  if (!payment) return null;
  const [workspace, refunds, customer, plan] = await Promise.all([
    db.workspace.findUnique({ where: { id: payment.workspaceId }, select: { id: true, name: true } }),
    db.refund.findMany({ where: { paymentId: id }, orderBy: { createdAt: "asc" } }),
    billingContact(db, payment.workspaceId).catch(() => null),
    liveSubscription(payment.workspaceId),
  ]);
  return {
    payment,
    workspace,
    refunds,
    customer: customer && { id: customer.id, email: customer.email, name: customer.name },
    plan: plan && plan.tier.monthlyPriceCents > 0 ? plan : null,
    refundableCents: refundableCents(payment, sumRefunds(refunds)),
  };
}

type Claim = { refund: Refund; payment: Payment; refundedBefore: number; applied: boolean };

/** Claims the refund under the payment's row lock: the same request key twice is one refund. */
async function claimRefund(actor: Actor, input: RefundInput): Promise<Claim> {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`select id from "Payment" where id = ${input.paymentId} for update`;
    if (!locked) throw new NotFoundError("Payment");
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: locked.id } });
    const refunds = await tx.refund.findMany({ where: { paymentId: payment.id } });
    const existing = refunds.find((r) => r.requestKey === input.requestKey);
    if (existing) return { refund: existing, payment, refundedBefore: 0, applied: false };
    if (payment.status === "failed")
      throw new AppError("nothing_to_refund", "This charge failed; nothing was paid.", 409);
    if (!payment.providerChargeId || payment.provider === "manual")
      throw new AppError("no_charge", "This payment has no charge to refund.", 409);
    const refundedBefore = Math.max(payment.refundedCents, sumRefunds(refunds));
    const left = refundableCents(payment, refundedBefore);
    if (left <= 0) throw new AppError("nothing_to_refund", "Nothing is left to refund on this payment.", 409);
    if (input.amount > left)
      throw new AppError(
        "refund_too_large",
        `At most ${formatExactCents(left, payment.currency)} is left to refund on this payment.`,
        409,
      );
    if (input.planAction !== "keep") {
      const sub = await liveSubscription(payment.workspaceId, tx);
      if (!sub || sub.tier.monthlyPriceCents === 0)
        throw new AppError(
          "no_paid_plan",
          "This workspace has no paid plan to cancel; choose “Keep the plan”.",
          409,
        );
    }
    const refund = await tx.refund.create({
      data: {
        paymentId: payment.id,
        requestKey: input.requestKey,
        amountCents: input.amount,
        reason: input.reason,
        note: input.note,
        planAction: input.planAction,
        actorId: actor?.id,
        actorEmail: actor?.email,
      },
    });
    // On the workspace, so its audit tab shows the refund next to everything else done to it.
    await recordAudit(tx, {
      actor,
      action: "payment.refund",
      targetType: "workspace",
      targetId: payment.workspaceId,
      before: { refundedCents: refundedBefore },
      after: {
        paymentId: payment.id,
        payment: payment.description,
        amountCents: input.amount,
        refundedCents: refundedBefore + input.amount,
        reason: REFUND_REASONS[input.reason],
        note: input.note ?? null,
        plan: PLAN_ACTIONS[input.planAction],
      },
    });
    return { refund, payment, refundedBefore, applied: true };
  });
}

/**
 * Refunds `input.amount` cents of a payment (see the top of this file). Returns the refund and
 * whether this call made it (false: the same request was already handled).
 */
export async function issueRefund(actor: Actor, input: RefundInput) {
  const claim = await claimRefund(actor, input);
  const { refund, payment } = claim;
  if (!claim.applied) return { refund, applied: false };
  try {
    await paymentProvider(payment.provider).refund(
      { ...payment, refundedCents: claim.refundedBefore },
      refund.amountCents,
      actor,
      { key: refund.id, reason: REFUND_REASONS[input.reason], stripeReason: STRIPE_REASON[input.reason] },
    );
  } catch (e) {
    // The money did not move: release the claim so the admin can try again.
    await db.refund.delete({ where: { id: refund.id } });
    await recordAudit(db, {
      actor,
      action: "payment.refund_failed",
      targetType: "workspace",
      targetId: payment.workspaceId,
      after: { paymentId: payment.id, amountCents: refund.amountCents, error: String(e).slice(0, 300) },
    });
    throw e;
  }
  const planNote = await applyPlanAction(actor, payment.workspaceId, input);
  await emailCustomer(payment, refund, claim.refundedBefore + refund.amountCents, planNote);
  return { refund, applied: true };
}

async function applyPlanAction(actor: Actor, workspaceId: string, input: RefundInput) {
  if (input.planAction === "keep") return null;
  const sub = await liveSubscription(workspaceId);
  if (!sub) return null;
  const why = { reason: "other" as const, comment: `Refund: ${REFUND_REASONS[input.reason]}` };
  if (input.planAction === "cancel_now") {
    await cancelPlanNow(actor, workspaceId, why);
    return `Your ${sub.tier.name} plan has ended; your workspace is on the free plan now.`;
  }
  await setCancelAtPeriodEnd(actor, workspaceId, true, why);
  return `Your ${sub.tier.name} plan will not renew: it ends on ${formatDate(sub.currentPeriodEnd)}.`;
}

async function emailCustomer(
  payment: Payment,
  refund: Refund,
  refundedTotal: number,
  planNote: string | null,
) {
  const to = await billingContact(db, payment.workspaceId);
  // The credits taken back, when the provider's refund event has been applied already (local: at once).
  const clawback = await ledgerEntryByReference(db, {
    workspaceId: payment.workspaceId,
    kind: "refund",
    reference: `refund:${payment.id}:${refundedTotal}`,
  });
  const key = await queueEmail({
    template: "refund-issued",
    to: to.email,
    idempotencyKey: `refund-issued:${refund.id}`,
    props: {
      name: to.name,
      description: payment.description,
      amount: formatExactCents(refund.amountCents, payment.currency),
      paidAmount: formatExactCents(payment.amountCents, payment.currency),
      full: refundedTotal >= payment.amountCents,
      reason:
        refund.reason === "other" && refund.note
          ? refund.note
          : (REFUND_REASONS[refund.reason as RefundReason] ?? refund.reason),
      planNote,
      creditsNote:
        clawback && clawback.amountMillicredits < 0n
          ? `${creditsLabel(-clawback.amountMillicredits)} bought with the refunded amount were taken back from your balance.`
          : null,
      billingUrl: `${env.APP_URL}/dashboard/billing`,
    },
  });
  await deliverQueued(key).catch((e: unknown) => log.error({ err: e }, "email delivery failed"));
}
