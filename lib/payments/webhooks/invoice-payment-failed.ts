import "server-only";
import type Stripe from "stripe";
import { formatCents } from "@/lib/catalog/money";
import { getSettings } from "@/lib/settings/settings";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/utils/format";
import { emitWebhookEvent } from "@/lib/webhooks/events";
import {
  emailBillingContact,
  eventTime,
  intervalName,
  invoicePeriod,
  invoiceSubscription,
  isNewer,
} from "./shared";

/**
 * A renewal (or retry) could not be charged: the plan is past due and keeps working through the
 * grace period (admin setting); the billing contact gets one email per invoice. When the grace
 * period ends unpaid, the billing clock ends the plan (lib/payments/billing-clock.ts).
 */
export async function invoicePaymentFailed(tx: Tx, event: Stripe.Event): Promise<(string | null)[]> {
  const { invoice, sub } = await invoiceSubscription(tx, event);
  // A first payment that failed never started a plan; an invoice paid meanwhile settles it.
  if (!sub || sub.status === "canceled") return [];
  if (await tx.payment.findUnique({ where: { providerInvoiceId: invoice.id } })) return [];
  const at = eventTime(event);
  const period = invoicePeriod(invoice);
  const pastDueAt = sub.pastDueAt ?? at;
  await tx.subscription.update({
    where: { id: sub.id },
    data: {
      // Like Stripe, the unpaid period has begun; it is what the retry pays for.
      ...(invoice.billing_reason === "subscription_cycle" && period.end > sub.currentPeriodEnd
        ? { currentPeriodStart: period.start, currentPeriodEnd: period.end }
        : {}),
      ...(isNewer(at, sub.lastProviderEventAt)
        ? { status: "past_due", pastDueAt, lastProviderEventAt: at }
        : {}),
    },
  });
  // The failed attempt shows in billing history (no invoice id: the invoice may still be paid later).
  await tx.payment.create({
    data: {
      workspaceId: sub.workspaceId,
      provider: sub.provider,
      kind: invoice.billing_reason === "subscription_update" ? "plan_change" : "renewal",
      description: `${sub.tier.name} plan (${intervalName(sub.interval)}) renewal`,
      amountCents: invoice.amount_due,
      currency: invoice.currency,
      status: "failed",
      failureReason: `The card was declined (attempt ${invoice.attempt_count ?? 1}).`,
      periodStart: period.start,
      periodEnd: period.end,
    },
  });
  const { paymentGraceDays } = await getSettings();
  await emitWebhookEvent(tx, {
    workspaceId: sub.workspaceId,
    type: "payment.failed",
    data: {
      invoiceId: invoice.id,
      amountDueCents: invoice.amount_due,
      currency: invoice.currency,
      subscriptionId: sub.id,
      tier: sub.tier.code,
      graceEndsAt: new Date(pastDueAt.getTime() + paymentGraceDays * 864e5),
    },
  });
  return [
    await emailBillingContact(tx, sub.workspaceId, {
      template: "payment-failed",
      idempotencyKey: `payment-failed:${invoice.id}`,
      props: {
        plan: sub.tier.name,
        amount: formatCents(invoice.amount_due, invoice.currency),
        graceEnds: formatDate(new Date(pastDueAt.getTime() + paymentGraceDays * 864e5)),
        paymentMethodUrl: `${env.APP_URL}/dashboard/billing`,
      },
    }),
  ];
}
