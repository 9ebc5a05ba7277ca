import type Stripe from "stripe";
import { db, type Tx } from "@/lib/db";
import { deliverQueued } from "@/lib/email/send";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { stripe, webhookSecret } from "./stripe";
import { checkoutSessionCompleted } from "./webhooks/checkout-session-completed";
import { customerSubscriptionUpdated } from "./webhooks/customer-subscription-updated";

// Stripe webhooks (and the local provider's Stripe-shaped events) come in here. The event id is
// written in the same transaction as the event's effects, so a redelivery does nothing.

/** Applies an event inside the transaction; returns the outbox keys of emails it queued. */
type Handler = (tx: Tx, event: Stripe.Event) => Promise<string[] | void>;

const handlers: Partial<Record<Stripe.Event["type"], Handler>> = {
  "checkout.session.completed": checkoutSessionCompleted,
  "customer.subscription.updated": customerSubscriptionUpdated,
};

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
  const record = {
    id: event.id,
    type: event.type,
    createdAt: new Date(event.created * 1000),
    payload: JSON.parse(JSON.stringify(event)),
  };
  let emails: string[] = [];
  try {
    await db.$transaction(async (tx) => {
      // Claims the event first: a concurrent or later delivery of the same id fails here and rolls back.
      await tx.webhookEvent.create({ data: { ...record, status: handler ? "processed" : "ignored" } });
      if (handler) emails = (await handler(tx, event)) ?? [];
    });
  } catch (e) {
    if (isUniqueViolation(e)) return "duplicate";
    // Recorded outside the failed transaction so the admin event log shows it; Stripe retries.
    await db.webhookEvent
      .upsert({ where: { id: event.id }, create: { ...record, status: "failed", error: String(e) }, update: { status: "failed", error: String(e) } })
      .catch(() => {});
    throw e;
  }
  // After commit: a failed send stays queued in the outbox and never undoes the payment.
  await Promise.all(emails.map((key) => deliverQueued(key).catch((e: unknown) => console.error("receipt delivery failed", e))));
  return handler ? "processed" : "ignored";
}

export async function handleStripeWebhook(rawBody: string, signature: string | null) {
  return processEvent(verifyEvent(rawBody, signature));
}
