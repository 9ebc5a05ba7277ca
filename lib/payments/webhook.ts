import type Stripe from "stripe";
import { db, type Tx } from "@/lib/db";
import { deliverQueued } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import { dispatchAfterCommit } from "@/lib/webhooks/deliver";
import { stripe, webhookSecret } from "./stripe";
import { chargeRefunded } from "./webhooks/charge-refunded";
import { checkoutSessionCompleted } from "./webhooks/checkout-session-completed";
import { customerSubscriptionCreated } from "./webhooks/customer-subscription-created";
import { customerSubscriptionDeleted } from "./webhooks/customer-subscription-deleted";
import { customerSubscriptionUpdated } from "./webhooks/customer-subscription-updated";
import { invoicePaid } from "./webhooks/invoice-paid";
import { invoicePaymentFailed } from "./webhooks/invoice-payment-failed";

// Stripe webhooks (and the local provider's Stripe-shaped events) come in here. The event id is
// written in the same transaction as the event's effects, so a redelivery does nothing.

/** Applies an event inside the transaction; returns the outbox keys of emails it queued. */
type Handler = (tx: Tx, event: Stripe.Event) => Promise<(string | null)[] | void>;

const handlers: Partial<Record<Stripe.Event["type"], Handler>> = {
  "checkout.session.completed": checkoutSessionCompleted,
  "customer.subscription.created": customerSubscriptionCreated,
  "customer.subscription.updated": customerSubscriptionUpdated,
  "customer.subscription.deleted": customerSubscriptionDeleted,
  "invoice.paid": invoicePaid,
  "invoice.payment_failed": invoicePaymentFailed,
  "charge.refunded": chargeRefunded,
};

export const handledEventTypes = Object.keys(handlers);

export class InvalidSignatureError extends AppError {
  constructor() {
    super("invalid_signature", "The webhook signature does not match.", 400);
  }
}

export function verifyEvent(rawBody: string, signature: string | null): Stripe.Event {
  try {
    return stripe().webhooks.constructEvent(rawBody, signature ?? "", webhookSecret());
  } catch {
    throw new InvalidSignatureError();
  }
}

/** Applies one verified event at most once. Returns what happened, for the log and the response. */
export async function processEvent(event: Stripe.Event): Promise<"processed" | "duplicate" | "ignored"> {
  const handler = handlers[event.type];
  const status = handler ? "processed" : "ignored";
  const payload = JSON.stringify(event);
  let emails: (string | null)[] = [];
  let claimed = false;
  try {
    await db.$transaction(async (tx) => {
      // Claims the event first. A new id, or one whose earlier attempt failed, is claimed; a
      // processed or ignored one is not (a concurrent delivery waits on the row lock, then sees it).
      const rows = await tx.$executeRaw`
        insert into "WebhookEvent" ("id", "type", "createdAt", "receivedAt", "status", "payload")
        values (${event.id}, ${event.type}, ${new Date(event.created * 1000)}, timezone('UTC', now()), ${status}::"WebhookEventStatus", ${payload}::jsonb)
        on conflict ("id") do update set "status" = excluded."status", "error" = null, "receivedAt" = excluded."receivedAt"
        where "WebhookEvent"."status" = 'failed'`;
      if (rows === 0) return;
      claimed = true;
      if (handler) emails = (await handler(tx, event)) ?? [];
    });
  } catch (e) {
    // Recorded outside the failed transaction so the admin event log shows it; Stripe retries.
    await db.$executeRaw`
      insert into "WebhookEvent" ("id", "type", "createdAt", "receivedAt", "status", "error", "payload")
      values (${event.id}, ${event.type}, ${new Date(event.created * 1000)}, timezone('UTC', now()), 'failed', ${String(e)}, ${payload}::jsonb)
      on conflict ("id") do update set "status" = 'failed', "error" = excluded."error" where "WebhookEvent"."status" = 'failed'`.catch(() => {});
    throw e;
  }
  if (!claimed) return "duplicate";
  // After commit: a failed send stays queued in the outbox and never undoes the payment.
  await Promise.all(emails.map((key) => deliverQueued(key).catch((e: unknown) => console.error("email delivery failed", e))));
  // Outgoing webhooks the event emitted (lib/webhooks/events.ts) go to the delivery queue.
  await dispatchAfterCommit();
  return status;
}

export async function handleStripeWebhook(rawBody: string, signature: string | null) {
  return processEvent(verifyEvent(rawBody, signature));
}
