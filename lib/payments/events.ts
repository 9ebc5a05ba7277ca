import "server-only";
import type Stripe from "stripe";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db, type WebhookEventStatus } from "@/lib/db";
import { pageWindow } from "@/lib/db/page";
import { AppError, NotFoundError } from "@/lib/errors";
import { processEvent } from "./webhook";

export async function listWebhookEvents(filter: {
  status?: WebhookEventStatus;
  page: number;
  pageSize: number;
}) {
  const where = filter.status ? { status: filter.status } : {};
  const [total, events] = await Promise.all([
    db.webhookEvent.count({ where }),
    db.webhookEvent.findMany({
      where,
      orderBy: { receivedAt: "desc" },
      ...pageWindow(filter),
    }),
  ]);
  return { total, events };
}

/**
 * Runs a stored event through its handler again. A processed event is never applied twice; a failed
 * (or ignored) one gets a fresh attempt, exactly as a redelivery from Stripe would.
 */
export async function replayWebhookEvent(actor: Actor, id: string) {
  const stored = await db.webhookEvent.findUnique({ where: { id } });
  if (!stored) throw new NotFoundError("Event");
  if (stored.status === "processed")
    throw new AppError(
      "already_processed",
      "This event was already applied; replaying it would change nothing.",
      409,
    );
  if (stored.status === "ignored") await db.webhookEvent.delete({ where: { id } });
  const result = await processEvent(stored.payload as unknown as Stripe.Event);
  await recordAudit(db, {
    actor,
    action: "webhook_event.replay",
    targetType: "webhook_event",
    targetId: id,
    before: { status: stored.status, error: stored.error },
    after: { result },
  });
  return result;
}
