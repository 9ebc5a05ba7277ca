import "server-only";
import type Stripe from "stripe";
import { grantIncludedCredits } from "@/lib/billing/included-credits";
import { priceFor } from "@/lib/billing/plan-change";
import { planVersionFrom } from "@/lib/billing/plan-versions";
import { creditsLabel, formatCents } from "@/lib/catalog/money";
import type { Payment, PlanVersion, Subscription, Tier, Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { emitSubscriptionEvent } from "@/lib/webhooks/events";
import {
  billingContact,
  emailBillingContact,
  eventTime,
  intervalName,
  invoiceChargeId,
  invoiceMetadata,
  invoicePeriod,
  invoiceSubscription,
  isNewer,
  MalformedEventError,
  planChangeNames,
  queueReceipt,
  RetryLaterError,
} from "./shared";

type Sub = Subscription & { tier: Tier; scheduledTier: Tier | null };
type Upgrade = {
  from: { tier: Tier; interval: "month" | "year" };
  to: { tier: Tier; interval: "month" | "year" };
};

/**
 * An upgrade (or monthly -> annual) was paid: the subscription moves to the plan named in the
 * invoice's metadata, and this month's included credits are topped up to the new plan's. An older
 * plan change never overrides a newer one.
 * Returns the payment, and the move when it was applied now and is an upgrade (for its email).
 */
async function planChanged(
  tx: Tx,
  sub: Sub,
  invoice: Stripe.Invoice,
  at: Date,
): Promise<{ payment: Payment; upgrade: Upgrade | null }> {
  const meta = invoiceMetadata(invoice);
  const tier = await tx.tier.findUnique({ where: { id: meta.tierId } });
  if (!tier) throw new MalformedEventError(`Invoice ${invoice.id} names an unknown tier ${meta.tierId}.`);
  const interval = meta.interval === "year" ? "year" : "month";
  const period = invoicePeriod(invoice);
  const applied = isNewer(at, sub.tierChangedAt);
  if (applied) {
    const { data: onVersion } = await versionData(tx, sub, tier.id, at);
    await tx.subscription.update({
      where: { id: sub.id },
      data: {
        tierId: tier.id,
        ...onVersion,
        interval,
        scheduledTierId: null,
        scheduledInterval: null,
        tierChangedAt: at,
        ...(interval !== sub.interval && period.end > sub.currentPeriodEnd
          ? { currentPeriodStart: period.start, currentPeriodEnd: period.end }
          : {}),
      },
    });
    await emitSubscriptionEvent(tx, "subscription.updated", sub);
  }
  // This month's included credits topped up to the plan this invoice paid for, in whatever order the
  // events around it arrive; a redelivery finds the month topped up already.
  const grant = await grantIncludedCredits(tx, sub.workspaceId, { plan: tier });
  const payment = await tx.payment.create({
    data: {
      workspaceId: sub.workspaceId,
      provider: sub.provider,
      kind: "plan_change",
      description: `Upgrade to ${tier.name} (${intervalName(interval)}), prorated`,
      lineItems: invoiceLines(invoice),
      providerInvoiceId: invoice.id,
      providerChargeId: invoiceChargeId(invoice),
      amountCents: invoice.amount_paid,
      currency: invoice.currency,
      status: "paid",
      millicredits: grant,
      periodStart: at,
      periodEnd: period.end,
    },
  });
  const isUpgrade = tier.rank > sub.tier.rank || (sub.interval === "month" && interval === "year");
  return {
    payment,
    upgrade:
      applied && isUpgrade
        ? { from: { tier: sub.tier, interval: sub.interval }, to: { tier, interval } }
        : null,
  };
}

/** "You're now on X": one per upgrade payment, next to its receipt. */
async function queueTierUpgraded(tx: Tx, payment: Payment, { from, to }: Upgrade) {
  // Less than the new plan's full price: the time left (or the unused month) was netted out.
  const prorated = payment.amountCents < priceFor(to.tier, to.interval);
  return emailBillingContact(tx, payment.workspaceId, {
    template: "tier-upgraded",
    idempotencyKey: `tier-upgraded:${payment.id}`,
    props: {
      ...planChangeNames(from, to),
      interval: intervalName(to.interval),
      chargedNow:
        payment.amountCents > 0
          ? `${formatCents(payment.amountCents, payment.currency)}${prorated ? " (prorated)" : ""}`
          : null,
      creditsAdded: payment.millicredits > 0n ? creditsLabel(payment.millicredits) : null,
      billingUrl: `${env.APP_URL}/dashboard/billing`,
    },
  });
}

/**
 * The plan version the subscription is on once it is on `tierId` from `at` (a newer tier's current
 * version, an admin's move once due, else its own), and clearing a move that is applied or moot.
 */
async function versionData(tx: Tx, sub: Sub, tierId: string, at: Date, billed?: PlanVersion | null) {
  const version = billed && billed.tierId === tierId ? billed : await planVersionFrom(tx, sub, tierId, at);
  const moveDone = version.id === sub.scheduledPlanVersionId || tierId !== sub.tierId;
  return {
    version,
    data: {
      planVersionId: version.id,
      ...(moveDone ? { scheduledPlanVersionId: null, planMoveAt: null } : {}),
    },
  };
}

/**
 * A renewal was paid: the next period starts (with a scheduled downgrade or interval switch, if
 * any, and on the plan version the renewal billed) and a past-due plan is active again. Included
 * credits (the version's), with their expiry and rollover, follow the calendar month
 * (lib/billing/included-credits.ts), not the billing period.
 */
async function renewed(tx: Tx, sub: Sub, invoice: Stripe.Invoice, at: Date) {
  const period = invoicePeriod(invoice);
  const crossesBoundary = period.end > sub.currentPeriodEnd;
  // The plan renewed is the one the invoice bills (the subscription's metadata, kept up to date by
  // every plan change); failing that, a change scheduled for this boundary, else the current plan.
  const meta = invoiceMetadata(invoice);
  const billed = meta.tierId ? await tx.tier.findUnique({ where: { id: meta.tierId } }) : null;
  const scheduled = crossesBoundary && (sub.scheduledTierId || sub.scheduledInterval);
  const tier = billed ?? (scheduled && sub.scheduledTier ? sub.scheduledTier : sub.tier);
  const interval =
    meta.interval === "year" || meta.interval === "month"
      ? meta.interval
      : (scheduled && sub.scheduledInterval) || sub.interval;
  const changesPlan = tier.id !== sub.tierId || interval !== sub.interval;
  // The local billing clock names the version it charged; Stripe's invoices follow the rule.
  const billedVersion = meta.planVersionId
    ? await tx.planVersion.findUnique({ where: { id: meta.planVersionId } })
    : null;
  const { version, data: onVersion } = await versionData(tx, sub, tier.id, period.start, billedVersion);
  const changesTier = tier.id !== sub.tierId;
  await tx.subscription.update({
    where: { id: sub.id },
    data: {
      ...(crossesBoundary
        ? {
            currentPeriodStart: period.start,
            currentPeriodEnd: period.end,
            scheduledTierId: null,
            scheduledInterval: null,
          }
        : {}),
      ...(changesPlan && isNewer(at, sub.tierChangedAt)
        ? { tierId: tier.id, interval, tierChangedAt: at, ...onVersion }
        : {}),
      ...(changesTier ? {} : onVersion),
      ...(isNewer(at, sub.lastProviderEventAt)
        ? { status: "active", pastDueAt: null, lastProviderEventAt: at }
        : {}),
    },
  });
  await emitSubscriptionEvent(tx, "subscription.updated", sub);

  // Included credits are monthly, not per period (the monthly job grants them); this only catches
  // up a month the job has not reached yet.
  const granted = await grantIncludedCredits(tx, sub.workspaceId, {
    plan: { name: tier.name, includedMillicredits: version.includedMillicredits },
  });
  return tx.payment.create({
    data: {
      workspaceId: sub.workspaceId,
      provider: sub.provider,
      kind: "renewal",
      description: `${tier.name} plan (${intervalName(interval)}) renewal`,
      providerInvoiceId: invoice.id,
      providerChargeId: invoiceChargeId(invoice),
      amountCents: invoice.amount_paid,
      // A coupon still discounting the plan (its duration, on both providers).
      discountCents: (invoice.total_discount_amounts ?? []).reduce((sum, d) => sum + d.amount, 0),
      currency: invoice.currency,
      status: "paid",
      millicredits: granted,
      periodStart: period.start,
      periodEnd: period.end,
    },
  });
}

/** A proration's lines (credit for unused time, charge for the new plan) for the receipt; null for one line. */
function invoiceLines(invoice: Stripe.Invoice) {
  const lines = invoice.lines?.data ?? [];
  if (lines.length < 2) return undefined;
  return lines.map((l) => ({ description: l.description ?? "Plan", amountCents: l.amount }));
}

/**
 * A paid invoice of a subscription: an upgrade or a renewal. The first invoice is the checkout's.
 * Queues the receipt, and for an upgrade applied now the tier-upgraded email.
 */
export async function invoicePaid(tx: Tx, event: Stripe.Event): Promise<(string | null)[]> {
  const { invoice, subscriptionId, sub } = await invoiceSubscription(tx, event);
  if (!subscriptionId) return [];
  // Its checkout.session.completed has not arrived yet; Stripe retries, and by then it has.
  if (!sub) throw new RetryLaterError(`Subscription ${subscriptionId} is not known yet.`);
  const known = await tx.payment.findUnique({ where: { providerInvoiceId: invoice.id } });
  if (known) {
    const chargeId = invoiceChargeId(invoice);
    if (!known.providerChargeId && chargeId)
      await tx.payment.update({ where: { id: known.id }, data: { providerChargeId: chargeId } });
    return [];
  }
  const at = eventTime(event);
  if (invoice.billing_reason === "subscription_update" && invoiceMetadata(invoice).tierId) {
    const { payment, upgrade } = await planChanged(tx, sub, invoice, at);
    const receipt = await queueReceipt(tx, payment, await billingContact(tx, sub.workspaceId), at);
    return upgrade ? [receipt, await queueTierUpgraded(tx, payment, upgrade)] : [receipt];
  }
  if (invoice.billing_reason === "subscription_cycle") {
    const payment = await renewed(tx, sub, invoice, at);
    return [await queueReceipt(tx, payment, await billingContact(tx, sub.workspaceId), at)];
  }
  return []; // the first invoice (paid through checkout) or one Tollgate did not ask for
}
