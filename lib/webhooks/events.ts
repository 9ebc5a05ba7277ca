import "server-only";
import { randomBytes } from "node:crypto";
import { snapshot } from "@/lib/audit/record";
import type { Prisma, Tx } from "@/lib/db";
import type { WebhookEventType } from "./event-types";

// Outgoing webhooks use a transactional outbox, like emails do: emitWebhookEvent writes one
// WebhookDelivery row per subscribed endpoint inside the transaction of the change it reports, so
// a delivery exists exactly when its change committed (a rollback leaves nothing to send). Nothing
// is sent from inside that transaction. After commit, dispatchWebhookDeliveries (lib/webhooks/
// deliver.ts) hands every never-attempted row to the `webhook-deliver` queue; the Stripe webhook
// path and the alerts check call it right away, and the `webhook-sweep` job runs it every minute
// for every other path (billing clock, admin changes) and for a crash between commit and enqueue.
// The delivery's claim makes a duplicate job harmless.

export type WebhookPayload = {
  id: string;
  type: WebhookEventType;
  created: number;
  workspaceId: string;
  data: Prisma.InputJsonObject;
};

type EventData = Record<string, unknown>;

export const newEventId = () => `evt_${randomBytes(12).toString("hex")}`;

/**
 * Records one event for every enabled endpoint of the workspace subscribed to its type. `data` may
 * be a function so that callers only read what the event needs when someone listens. Returns the
 * event id, or null when no endpoint wants the event.
 */
export async function emitWebhookEvent(
  tx: Tx,
  input: { workspaceId: string; type: WebhookEventType; data: EventData | (() => Promise<EventData>) },
) {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { workspaceId: input.workspaceId, enabled: true, eventTypes: { has: input.type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return null;
  const id = newEventId();
  const data = typeof input.data === "function" ? await input.data() : input.data;
  const payload: WebhookPayload = {
    id,
    type: input.type,
    created: Math.floor(Date.now() / 1000),
    workspaceId: input.workspaceId,
    data: (snapshot(data) ?? {}) as Prisma.InputJsonObject,
  };
  await tx.webhookDelivery.createMany({
    data: endpoints.map((e) => ({
      endpointId: e.id,
      eventId: id,
      eventType: input.type,
      payload,
      idempotencyKey: `${e.id}:${id}`,
    })),
    skipDuplicates: true,
  });
  return id;
}

/** subscription.created|updated|canceled with the subscription's state as it is now in `tx`. */
export function emitSubscriptionEvent(
  tx: Tx,
  type: "subscription.created" | "subscription.updated" | "subscription.canceled",
  sub: { id: string; workspaceId: string },
) {
  return emitWebhookEvent(tx, {
    workspaceId: sub.workspaceId,
    type,
    data: async () => {
      const s = await tx.subscription.findUniqueOrThrow({
        where: { id: sub.id },
        include: { tier: { select: { code: true, name: true } }, scheduledTier: { select: { code: true } } },
      });
      return {
        subscription: {
          id: s.id,
          status: s.status,
          tier: s.tier.code,
          tierName: s.tier.name,
          interval: s.interval,
          currentPeriodStart: s.currentPeriodStart,
          currentPeriodEnd: s.currentPeriodEnd,
          cancelAtPeriodEnd: s.cancelAtPeriodEnd,
          scheduledTier: s.scheduledTier?.code ?? null,
          scheduledInterval: s.scheduledInterval,
          canceledAt: s.canceledAt,
          provider: s.provider,
        },
      };
    },
  });
}

/** The webhook event each alert kind raises (the weekly summary raises none). */
export const ALERT_EVENT_TYPES: Partial<Record<string, WebhookEventType>> = {
  quota_80: "quota.warning",
  quota_100: "quota.exceeded",
  low_credits: "credits.low",
};
