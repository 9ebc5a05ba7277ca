import "server-only";
import { createHash } from "node:crypto";
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
import { paymentIntentSucceeded } from "./webhooks/payment-intent-succeeded";
import {
  describeIssue,
  eventEnvelope,
  jsonProblem,
  objectSchemas,
  storableJson,
  type HandledEventType,
} from "./webhooks/schemas";
import { MalformedEventError } from "./webhooks/shared";
import { log } from "@/lib/observability/logger";

// Stripe webhooks (and the local provider's Stripe-shaped events) come in here. The event id is
// written in the same transaction as the event's effects, so a redelivery does nothing.

/** Applies an event inside the transaction; returns the outbox keys of emails it queued. */
type Handler = (tx: Tx, event: Stripe.Event) => Promise<(string | null)[] | void>;

const handlers: Record<HandledEventType, Handler> = {
  "checkout.session.completed": checkoutSessionCompleted,
  "customer.subscription.created": customerSubscriptionCreated,
  "customer.subscription.updated": customerSubscriptionUpdated,
  "customer.subscription.deleted": customerSubscriptionDeleted,
  "invoice.paid": invoicePaid,
  "invoice.payment_failed": invoicePaymentFailed,
  "charge.refunded": chargeRefunded,
  "payment_intent.succeeded": paymentIntentSucceeded,
};

export const handledEventTypes = Object.keys(handlers);

export class InvalidSignatureError extends AppError {
  constructor() {
    super("invalid_signature", "The webhook signature does not match.", 400);
  }
}

/** Throws unless the body carries a valid signature made with the webhook secret. */
export function verifySignature(rawBody: string, signature: string | null) {
  try {
    stripe().webhooks.signature!.verifyHeader(rawBody, signature ?? "", webhookSecret());
  } catch {
    throw new InvalidSignatureError();
  }
}

const isHandled = (type: string): type is HandledEventType => Object.hasOwn(handlers, type);

/**
 * The event, once its envelope and (for a handled type) the object its handler reads have the
 * expected shape; a MalformedEventError saying what is wrong otherwise.
 */
export function checkEvent(body: unknown): Stripe.Event {
  const problem = jsonProblem(body);
  if (problem) throw new MalformedEventError(`Malformed event: ${problem}.`);
  const envelope = eventEnvelope.safeParse(body);
  if (!envelope.success) throw new MalformedEventError(`Malformed event: ${describeIssue(envelope.error)}.`);
  const { type, data } = envelope.data;
  if (isHandled(type)) {
    const object = objectSchemas[type].safeParse(data.object);
    if (!object.success)
      throw new MalformedEventError(
        `Malformed ${type} event: ${describeIssue(object.error, "data.object")}.`,
      );
  }
  return body as Stripe.Event;
}

/**
 * Keeps a malformed event in the event log as rejected. A body without a usable id is filed under
 * one derived from its content, so its redeliveries land on the same row. An event that failed
 * before (under an earlier version) becomes rejected; one already applied is left alone.
 */
async function recordRejected(body: unknown, error: string) {
  const b = (body !== null && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const fields = eventEnvelope.pick({ id: true, type: true, created: true }).partial();
  const ok = <K extends "id" | "type" | "created">(k: K) =>
    fields.shape[k].safeParse(b[k]).success ? b[k] : undefined;
  const id =
    (ok("id") as string | undefined) ??
    `unidentified_${createHash("sha256")
      .update(JSON.stringify(storableJson(body)) ?? "")
      .digest("hex")
      .slice(0, 32)}`;
  const type = (ok("type") as string | undefined) ?? "unknown";
  const created = ok("created") !== undefined ? new Date((b.created as number) * 1000) : new Date();
  const payload = JSON.stringify(storableJson(body) ?? null);
  await db.$executeRaw`
    insert into "WebhookEvent" ("id", "type", "createdAt", "receivedAt", "status", "error", "payload")
    values (${id}, ${type}, ${created}, timezone('UTC', now()), 'rejected', ${error}, ${payload}::jsonb)
    on conflict ("id") do update set "status" = 'rejected', "error" = excluded."error", "receivedAt" = excluded."receivedAt"
    where "WebhookEvent"."status" in ('failed', 'rejected')`;
}

/** Applies one verified event at most once. Returns what happened, for the log and the response. */
export async function processEvent(body: unknown): Promise<"processed" | "duplicate" | "ignored"> {
  let event: Stripe.Event;
  try {
    event = checkEvent(body);
  } catch (e) {
    if (e instanceof MalformedEventError) await recordRejected(body, e.message);
    throw e;
  }
  const handler = isHandled(event.type) ? handlers[event.type] : undefined;
  const status = handler ? "processed" : "ignored";
  const payload = JSON.stringify(event);
  let emails: (string | null)[] = [];
  let claimed = false;
  try {
    await db.$transaction(async (tx) => {
      // Claims the event first. A new id, or one whose earlier attempt failed (or that an earlier
      // version rejected, and that passed the checks above now), is claimed; a
      // processed or ignored one is not (a concurrent delivery waits on the row lock, then sees it).
      const rows = await tx.$executeRaw`
        insert into "WebhookEvent" ("id", "type", "createdAt", "receivedAt", "status", "payload")
        values (${event.id}, ${event.type}, ${new Date(event.created * 1000)}, timezone('UTC', now()), ${status}::"WebhookEventStatus", ${payload}::jsonb)
        on conflict ("id") do update set "status" = excluded."status", "error" = null, "receivedAt" = excluded."receivedAt"
        where "WebhookEvent"."status" in ('failed', 'rejected')`;
      if (rows === 0) return;
      claimed = true;
      if (handler) emails = (await handler(tx, event)) ?? [];
    });
  } catch (e) {
    // A handler found the event can never apply (e.g. it names a tier that does not exist).
    if (e instanceof MalformedEventError) {
      await recordRejected(event, e.message);
      throw e;
    }
    // Recorded outside the failed transaction so the admin event log shows it; Stripe retries.
    await db.$executeRaw`
      insert into "WebhookEvent" ("id", "type", "createdAt", "receivedAt", "status", "error", "payload")
      values (${event.id}, ${event.type}, ${new Date(event.created * 1000)}, timezone('UTC', now()), 'failed', ${String(e)}, ${payload}::jsonb)
      on conflict ("id") do update set "status" = 'failed', "error" = excluded."error" where "WebhookEvent"."status" = 'failed'`.catch(
      () => {},
    );
    throw e;
  }
  if (!claimed) return "duplicate";
  // After commit: a failed send stays queued in the outbox and never undoes the payment.
  await Promise.all(
    emails.map((key) =>
      deliverQueued(key).catch((e: unknown) => log.error({ err: e }, "email delivery failed")),
    ),
  );
  // Outgoing webhooks the event emitted (lib/webhooks/events.ts) go to the delivery queue.
  await dispatchAfterCommit();
  return status;
}

export async function handleStripeWebhook(rawBody: string, signature: string | null) {
  verifySignature(rawBody, signature);
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    const error = "Malformed event: the body is not JSON.";
    await recordRejected({ body: rawBody.slice(0, 2000) }, error);
    throw new MalformedEventError(error);
  }
  return processEvent(body);
}
