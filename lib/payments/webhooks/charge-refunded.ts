import type Stripe from "stripe";
import { recordAudit } from "@/lib/audit/record";
import { boughtBucket, unspentCredits } from "@/lib/billing/buckets";
import { changeBalance } from "@/lib/billing/ledger";
import type { Tx } from "@/lib/db";
import { eventTime, RetryLaterError } from "./shared";

/**
 * A charge was refunded (by an admin here, or on Stripe's dashboard). `amount_refunded` is the
 * running total, so each refund applies once whatever order or how often its events arrive. The
 * credits the refunded share bought are clawed back as far as they are unspent (never below zero),
 * and the refund is audited.
 */
export async function chargeRefunded(tx: Tx, event: Stripe.Event) {
  const charge = event.data.object as Stripe.Charge;
  const ids = [
    charge.id,
    typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id,
  ].filter((v): v is string => Boolean(v));
  const [locked] = await tx.$queryRaw<
    { id: string }[]
  >`select id from "Payment" where "providerChargeId" = any(${ids}) order by "createdAt" limit 1 for update`;
  // Its payment is not recorded yet (the checkout or invoice event is still on its way): Stripe retries.
  if (!locked) throw new RetryLaterError(`No payment with charge ${ids.join(" / ")} yet.`);
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: locked.id } });
  const refunded = Math.min(charge.amount_refunded, payment.amountCents);
  if (refunded <= payment.refundedCents) return; // this refund (or a later one) is already applied
  const newly = refunded - payment.refundedCents;
  await tx.payment.update({
    where: { id: payment.id },
    data: {
      refundedCents: refunded,
      status: refunded >= payment.amountCents ? "refunded" : "partially_refunded",
    },
  });

  // The refunded share of the credits this payment bought, as far as they are unspent: taken from
  // the bucket the payment filled (lib/billing/buckets.ts), never below zero.
  const share =
    payment.amountCents > 0 ? (payment.millicredits * BigInt(newly)) / BigInt(payment.amountCents) : 0n;
  const [unspent] = await unspentCredits([payment], tx);
  const clawback = share < unspent ? share : unspent;
  await changeBalance(
    {
      workspaceId: payment.workspaceId,
      amountMillicredits: -clawback,
      kind: "refund",
      reference: `refund:${payment.id}:${refunded}`,
      reason: `Refund of ${payment.description}`,
      from: boughtBucket(payment),
    },
    tx,
  );
  const by = charge.metadata?.refundedBy;
  const admin = by
    ? await tx.user.findUnique({ where: { email: by }, select: { id: true, email: true } })
    : null;
  await recordAudit(tx, {
    actor: admin,
    action: "payment.refunded",
    targetType: "payment",
    targetId: payment.id,
    before: { refundedCents: payment.refundedCents, status: payment.status },
    after: {
      refundedCents: refunded,
      refundedNowCents: newly,
      clawedBackMillicredits: clawback,
      unspentShareMillicredits: share,
      refundedBy: by ?? "provider",
      at: eventTime(event),
    },
  });
}
