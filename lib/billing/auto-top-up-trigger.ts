import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs/boss";
import { ttlCache } from "@/lib/utils/ttl-cache";

// The metering path's side of auto top-up: after a credits charge, compare the balance it left with
// the workspace's threshold (cached in memory, one query per workspace per 30 s) and enqueue the
// auto-top-up job when below. The job claims the crossing, so an extra enqueue costs nothing but a
// no-op run; a per-workspace throttle keeps a workspace stuck below (paused, capped) from enqueuing
// on every call.

const CONFIG_TTL_MS = 30_000;
const ENQUEUE_EVERY_MS = 5_000;
const lastEnqueued = new Map<string, number>();

const thresholds = ttlCache(async (workspaceId: string) => {
  const row = await db.autoTopUp.findUnique({
    where: { workspaceId },
    select: { enabled: true, pausedAt: true, thresholdMillicredits: true },
  });
  return row?.enabled && !row.pausedAt ? row.thresholdMillicredits : null;
}, CONFIG_TTL_MS);

/** Settings changed in this process: read them again on the next charge. */
export function forgetAutoTopUp(workspaceId: string) {
  thresholds.forget(workspaceId);
  lastEnqueued.delete(workspaceId);
}

/** After a charge paid from credits left `balance`; never throws into the request. */
export async function noticeBalance(workspaceId: string, balance: bigint) {
  const below = await thresholds.get(workspaceId);
  if (below === null || balance >= below) return;
  const last = lastEnqueued.get(workspaceId) ?? 0;
  if (Date.now() - last < ENQUEUE_EVERY_MS) return;
  lastEnqueued.set(workspaceId, Date.now());
  await enqueue("auto-top-up", { workspaceId }, { singletonKey: workspaceId });
}
