import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db, type Prisma } from "@/lib/db";
import { AppError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { deliverNow } from "./deliver";
import { assertCanManageWebhooks, type WebhookActor } from "./endpoints";

// The delivery log: newest first, scoped to one workspace; replays send an event again.

export const DELIVERIES_PER_PAGE = 20;

export async function listDeliveries(workspaceId: string, page = 1) {
  const where: Prisma.WebhookDeliveryWhereInput = { endpoint: { workspaceId } };
  const [total, rows] = await Promise.all([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * DELIVERIES_PER_PAGE,
      take: DELIVERIES_PER_PAGE,
      include: { endpoint: { select: { url: true } } },
    }),
  ]);
  return { total, rows, pageCount: Math.max(1, Math.ceil(total / DELIVERIES_PER_PAGE)) };
}

export function getDelivery(workspaceId: string, id: string) {
  return db.webhookDelivery.findFirst({
    where: { id, endpoint: { workspaceId } },
    include: { endpoint: { select: { url: true } } },
  });
}

/**
 * Sends an event to the same endpoint again, as a new delivery (same event id and payload, so a
 * receiver that deduplicates on the event id treats it as the same event). Audited; one attempt
 * now, retries on the queue.
 */
export async function replayDelivery(actor: WebhookActor, deliveryId: string) {
  const original = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { endpoint: true },
  });
  if (!original) throw new NotFoundError("Delivery");
  await assertCanManageWebhooks(actor, original.endpoint.workspaceId);
  if (!original.endpoint.enabled)
    throw new AppError("endpoint_disabled", "Enable the endpoint before replaying its deliveries.", 409);
  const replay = await db
    .$transaction(async (tx) => {
      const n =
        (await tx.webhookDelivery.count({
          where: { endpointId: original.endpointId, eventId: original.eventId, replayOfId: { not: null } },
        })) + 1;
      const row = await tx.webhookDelivery.create({
        data: {
          endpointId: original.endpointId,
          eventId: original.eventId,
          eventType: original.eventType,
          payload: original.payload as Prisma.InputJsonValue,
          idempotencyKey: `${original.endpointId}:${original.eventId}:replay:${n}`,
          replayOfId: original.id,
        },
      });
      await recordAudit(tx, {
        actor,
        action: "webhook_delivery.replay",
        targetType: "webhook_delivery",
        targetId: row.id,
        after: { replayOf: original.id, eventId: original.eventId, endpointId: original.endpointId },
      });
      return row;
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e))
        throw new AppError(
          "replay_in_progress",
          "This event is being replayed already. Try again in a moment.",
          409,
        );
      throw e;
    });
  return (await deliverNow(replay.id)) ?? replay;
}
