import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { IdempotencyKeyReusedError } from "@/lib/metering/errors";
import { log } from "@/lib/observability/logger";

// Idempotency-Key on the chat proxy, kept where POST /usage keeps its keys: on the usage event
// (unique per workspace, with the hash of the request body). A finished non-streamed call keeps
// its answer on the event, so a replay returns the same body and charges nothing. A streamed
// answer is not kept: replaying its key is refused with 409, never charged twice. A key whose call
// failed upstream (nothing charged, no event) may be retried. Two calls with one key at the same
// moment both reach the provider (the key is recorded when the first is settled; the second is
// charged as its own call), which is why clients retry only after an answer or a dropped connection.

export const chatRequestHash = (body: unknown) =>
  createHash("sha256")
    .update(`chat:${JSON.stringify(body)}`)
    .digest("hex");

/** The answer to replay for this key, null when the key is new; 409 when it cannot be replayed. */
export async function replayedCompletion(workspaceId: string, key: string, hash: string) {
  const event = await db.usageEvent.findUnique({
    where: { workspaceId_idempotencyKey: { workspaceId, idempotencyKey: key } },
    select: { requestHash: true, responseBody: true },
  });
  if (!event) return null;
  if (event.requestHash !== hash) throw new IdempotencyKeyReusedError();
  if (event.responseBody === null)
    throw new AppError(
      "idempotency_key_reused",
      "This Idempotency-Key was used by a streamed completion, which cannot be replayed. Use a new key for a new call.",
      409,
    );
  return event.responseBody;
}

/** Records the key (and a non-streamed answer) on the settled call's usage event. */
export async function recordCompletion(eventId: string, key: string, hash: string, body: string | null) {
  await db.usageEvent
    .update({ where: { id: eventId }, data: { idempotencyKey: key, requestHash: hash, responseBody: body } })
    .catch((e: unknown) => log.error({ err: e }, "chat proxy: recording the Idempotency-Key failed"));
}
