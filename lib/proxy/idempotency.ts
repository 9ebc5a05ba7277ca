import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { IdempotencyKeyReusedError } from "@/lib/metering/errors";
import { log } from "@/lib/observability/logger";

// Idempotency-Key on the chat proxy, kept where POST /usage keeps its keys: on the usage event
// (unique per workspace, with the hash of the request body). A finished non-streamed call keeps
// its answer on the event, so a replay returns the same body and charges nothing. A streamed
// answer is not kept: replaying its key is refused with 409, never charged twice. A key whose call
// failed upstream (nothing charged, no event) may be retried.
//
// Two calls with one key at the same moment behave as POST /usage's do (the first charges, the
// rest replay it): while a call is in flight its key is claimed (ChatCallClaim), and a second call
// with the key and the same body waits for it to finish, then replays its answer — or, if it failed
// and charged nothing, makes the call itself. A streamed call in flight cannot be waited for and
// replayed: its key is refused with 409 at once. The claim is not a lock held across the provider
// call: a row, written and deleted in statements of their own; a crashed process's claim runs out.

const WAIT_STEP_MS = 100;
/** Settling a call after the provider answered takes well under this. */
const SETTLE_MARGIN_SECONDS = 30;
/** A stream runs as long as the provider keeps sending; its hold's lifetime bounds it. */
const STREAM_CLAIM_SECONDS = 1800;

export const chatRequestHash = (body: unknown) =>
  createHash("sha256")
    .update(`chat:${JSON.stringify(body)}`)
    .digest("hex");

const refused = (what: string) =>
  new AppError("idempotency_key_reused", `This Idempotency-Key ${what}. Use a new key for a new call.`, 409);
const STREAMED = "was used by a streamed completion, which cannot be replayed";
const STREAMING = "belongs to a streamed completion still in progress, which cannot be replayed";

/** The answer to replay for this key, null when the key is new; 409 when it cannot be replayed. */
export async function replayedCompletion(workspaceId: string, key: string, hash: string) {
  // The key's row (unique across UsageEvent's monthly partitions) names the event's month.
  const used = await db.usageIdempotency.findUnique({
    where: { workspaceId_idempotencyKey: { workspaceId, idempotencyKey: key } },
  });
  const event =
    used &&
    (await db.usageEvent.findUnique({
      where: { id_createdAt: { id: used.eventId, createdAt: used.createdAt } },
      select: { requestHash: true, responseBody: true },
    }));
  if (!event) return null;
  if (event.requestHash !== hash) throw new IdempotencyKeyReusedError();
  if (event.responseBody === null) throw refused(STREAMED);
  return event.responseBody;
}

export type Claim = { replay: string } | { replay: null; release: () => Promise<void> };

/**
 * The key for this call: the finished call's answer to replay, or the claim on it (this call goes
 * to the provider; `release()` once it is settled, after its key is recorded). Waits while a call
 * with the key and body is in flight; 409 for another body or a stream in flight.
 */
export async function claimCompletion(
  workspaceId: string,
  key: string,
  hash: string,
  opts: { stream: boolean; signal: AbortSignal },
): Promise<Claim> {
  const seconds = opts.stream ? STREAM_CLAIM_SECONDS : env.UPSTREAM_TIMEOUT_MS / 1000 + SETTLE_MARGIN_SECONDS;
  for (;;) {
    const replay = await replayedCompletion(workspaceId, key, hash);
    if (replay !== null) return { replay };
    const claimed = await db.$executeRaw`
      insert into "ChatCallClaim" ("workspaceId", "key", "requestHash", "stream", "expiresAt", "createdAt")
      values (${workspaceId}, ${key}, ${hash}, ${opts.stream},
              timezone('UTC', now()) + make_interval(secs => ${seconds}::float8), timezone('UTC', now()))
      on conflict ("workspaceId", "key") do update
        set "requestHash" = excluded."requestHash", "stream" = excluded."stream",
            "expiresAt" = excluded."expiresAt", "createdAt" = excluded."createdAt"
        where "ChatCallClaim"."expiresAt" <= timezone('UTC', now())`;
    if (claimed === 1) return { replay: null, release: () => releaseClaim(workspaceId, key) };
    const inFlight = await db.chatCallClaim.findUnique({
      where: { workspaceId_key: { workspaceId, key } },
      select: { requestHash: true, stream: true },
    });
    if (!inFlight) continue; // settled a moment ago: replay it, or claim it if it failed
    if (inFlight.requestHash !== hash) throw new IdempotencyKeyReusedError();
    if (inFlight.stream) throw refused(STREAMING);
    if (opts.signal.aborted) throw refused("belongs to a completion still in progress"); // the caller left
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

async function releaseClaim(workspaceId: string, key: string) {
  await db.chatCallClaim
    .deleteMany({ where: { workspaceId, key } })
    .catch((e: unknown) => log.error({ err: e }, "chat proxy: releasing an Idempotency-Key claim failed"));
}

/** Deletes claims that ran out (their process died mid-call); run with the reservation sweep. */
export async function dropExpiredChatClaims(now = new Date()) {
  const { count } = await db.chatCallClaim.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}

/**
 * Records the key (and a non-streamed answer) on the settled call's usage event, and claims the key
 * in UsageIdempotency, in one statement. The event was written a moment ago: the day's bound keeps
 * the update to the newest partitions.
 */
export async function recordCompletion(eventId: string, key: string, hash: string, body: string | null) {
  await db.$executeRaw`
    with e as (
      update "UsageEvent" set "idempotencyKey" = ${key}, "requestHash" = ${hash}, "responseBody" = ${body}
       where id = ${eventId} and "createdAt" >= timezone('UTC', now()) - interval '1 day'
      returning "workspaceId", id, "createdAt")
    insert into "UsageIdempotency" ("workspaceId", "idempotencyKey", "eventId", "createdAt")
    select e."workspaceId", ${key}, e.id, e."createdAt" from e`.catch((e: unknown) =>
    log.error({ err: e }, "chat proxy: recording the Idempotency-Key failed"),
  );
}
