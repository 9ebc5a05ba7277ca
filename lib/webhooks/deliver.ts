import "server-only";
import { db, type WebhookDelivery } from "@/lib/db";
import { enqueue } from "@/lib/jobs/boss";
import { WEBHOOK_RETRY_DELAY_SECONDS } from "@/lib/jobs/queues";
import { fetch } from "undici";
import { BlockedDestinationError, deliveryDispatcher, refusedLiteralDestination } from "./destination";
import { signatureHeader, SIGNATURE_HEADER } from "./sign";
import { log } from "@/lib/observability/logger";

// Sending one delivery. The row is claimed before the request so that two workers (a duplicate
// job, a sweep, a replay) never POST it at the same moment. The schema has no lock column, so the
// claim is the attempt itself: it sets lastAttemptAt and clears lastError; a row is claimable when
// it was never attempted, its last attempt finished with an error (lastError set again), or an
// attempt started longer ago than CLAIM_SECONDS (a worker that crashed mid-request).

export const DELIVERY_TIMEOUT_MS = 10_000;
const CLAIM_SECONDS = 60; // well past the request timeout

type Attempt = { row: WebhookDelivery | null; retry: boolean };

/** The JSON body, keys in the documented order (jsonb storage reorders them). */
export function deliveryBody(payload: unknown) {
  const p = payload as Record<string, unknown>;
  return JSON.stringify({
    id: p.id,
    type: p.type,
    created: p.created,
    workspaceId: p.workspaceId,
    data: p.data,
  });
}

async function post(url: string, secret: string, row: WebhookDelivery) {
  const body = deliveryBody(row.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const refused = refusedLiteralDestination(url);
  if (refused) return { statusCode: null, error: `Not sent: ${refused}` };
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Tollgate-Webhooks/1",
        [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, body),
        "Tollgate-Event-Id": row.eventId,
        "Tollgate-Event-Type": row.eventType,
      },
      body,
      redirect: "manual", // a redirect is an answer, not a success: the receiver should fix its URL
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      dispatcher: deliveryDispatcher(), // in production: connects only to addresses it checked
    });
    await res.body?.cancel().catch(() => {});
    return {
      statusCode: res.status,
      error: res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`,
    };
  } catch (e) {
    if (e instanceof Error && e.cause instanceof BlockedDestinationError)
      return { statusCode: null, error: `Not sent: ${e.cause.message}` };
    const timedOut = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : "";
    return {
      statusCode: null,
      error: timedOut
        ? `Timed out after ${DELIVERY_TIMEOUT_MS / 1000} s`
        : `${e instanceof Error ? e.message : String(e)}${cause}`.slice(0, 500),
    };
  }
}

/**
 * One attempt at a delivery. `final`: no retry follows, so a failure marks it failed. Returns the
 * row and whether the queue should retry; a delivery someone else holds, or that is settled, is
 * left alone.
 */
export async function attemptWebhookDelivery(id: string, { final = false } = {}): Promise<Attempt> {
  const now = new Date();
  const claimed = await db.webhookDelivery.updateMany({
    where: {
      id,
      status: "pending",
      OR: [
        { lastAttemptAt: null },
        { lastError: { not: null } },
        { lastAttemptAt: { lt: new Date(now.getTime() - CLAIM_SECONDS * 1000) } },
      ],
    },
    data: { attempts: { increment: 1 }, lastAttemptAt: now, lastError: null, lastStatusCode: null },
  });
  const row = await db.webhookDelivery.findUnique({ where: { id }, include: { endpoint: true } });
  if (!row || !claimed.count) return { row, retry: false };
  const { endpoint, ...delivery } = row;
  if (!endpoint.enabled) {
    const failed = await db.webhookDelivery.update({
      where: { id },
      data: { status: "failed", lastError: "Endpoint disabled" },
    });
    return { row: failed, retry: false };
  }
  const result = await post(endpoint.url, endpoint.secret, delivery);
  if (!result.error) {
    const done = await db.webhookDelivery.update({
      where: { id },
      data: { status: "succeeded", deliveredAt: new Date(), lastStatusCode: result.statusCode },
    });
    return { row: done, retry: false };
  }
  const failed = await db.webhookDelivery.update({
    where: { id },
    data: {
      status: final ? "failed" : "pending",
      lastStatusCode: result.statusCode,
      lastError: result.error,
    },
  });
  return { row: failed, retry: !final };
}

/** A delivery just created outside the queue (a replay): one attempt now, retries on the queue. */
export async function deliverNow(id: string) {
  const attempt = await attemptWebhookDelivery(id);
  if (attempt.retry)
    await enqueue(
      "webhook-deliver",
      { deliveryId: id },
      { singletonKey: id, startAfter: WEBHOOK_RETRY_DELAY_SECONDS },
    );
  return attempt.row;
}

/**
 * Hands every delivery that was never attempted to the queue. Safe to call any number of times:
 * the stately queue keeps one waiting job per delivery, and the claim keeps one request.
 */
export async function dispatchWebhookDeliveries(now = new Date()) {
  const rows = await db.webhookDelivery.findMany({
    where: { status: "pending", attempts: 0, createdAt: { gt: new Date(now.getTime() - 864e5) } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  for (const { id } of rows) await enqueue("webhook-deliver", { deliveryId: id }, { singletonKey: id });
  return rows.length;
}

/** After a transaction that may have emitted events: never lets a queue hiccup undo or fail the caller. */
export function dispatchAfterCommit() {
  return dispatchWebhookDeliveries().catch((e: unknown) => {
    log.error({ err: e }, "webhook dispatch failed (the sweep will retry)");
    return 0;
  });
}
