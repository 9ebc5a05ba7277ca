import { noticeBalance } from "@/lib/billing/auto-top-up-trigger";
import { isBalanceLow, lastTopUp } from "@/lib/billing/low-balance";
import { enqueue } from "@/lib/jobs/boss";
import { flushRefusals } from "@/lib/metering/refusal-counts";
import type { ChargeResult } from "@/lib/metering/types";
import { ttlCache } from "@/lib/utils/ttl-cache";
import { log } from "@/lib/observability/logger";

// The metering path's side of alerts: after a charge, notice (in memory, no query on most calls)
// whether a threshold may have been crossed and, once per threshold and period in this process,
// enqueue an alerts check for the workspace. The check re-reads the state and is idempotent, so a
// restart that forgets what was raised costs one extra check, never a second email.

const raised = new Set<string>();
// The workspace's last top-up, read at most once per workspace per 30 s.
const topUps = ttlCache((workspaceId: string) => lastTopUp(workspaceId), 30_000);

async function raise(workspaceId: string, key: string) {
  if (raised.has(key)) return;
  raised.add(key);
  if (raised.size > 100_000) raised.clear();
  await enqueue("alerts-check", { workspaceId }, { singletonKey: workspaceId });
}

/** Called after every successful charge; never throws into the request. */
export function noticeCharge(workspaceId: string, result: ChargeResult) {
  if (result.replayed) return;
  const work = async () => {
    const { quota } = result;
    if (quota && quota.limit > 0) {
      // Per day and quota, as the alerts are: a plan change during the day brings new thresholds.
      const period = `${quota.resetsAt.toISOString().slice(0, 10)}:${quota.limit}`;
      if (quota.used >= quota.limit) await raise(workspaceId, `quota_100:${workspaceId}:${period}`);
      else if (quota.used >= quota.limit * 0.8) await raise(workspaceId, `quota_80:${workspaceId}:${period}`);
    }
    if (result.chargedMillicredits > 0n && result.billedTo === "credits") {
      await noticeBalance(workspaceId, result.balanceMillicredits);
      const topUp = await topUps.get(workspaceId);
      if (topUp && isBalanceLow({ balanceMillicredits: result.balanceMillicredits, lastTopUp: topUp }))
        await raise(workspaceId, `low_credits:${workspaceId}:${topUp.id}`);
    }
  };
  work().catch((e: unknown) => log.error({ err: e }, "alert trigger failed"));
}

/**
 * A call refused for quota means 100%, even when the last call that fit left used < limit. The
 * check reads the refusal from "RefusalCount", so the counts are flushed before it is queued.
 */
export function noticeQuotaExhausted(workspaceId: string, resetsAt: Date) {
  const key = `quota_100:${workspaceId}:${resetsAt.toISOString().slice(0, 10)}`;
  if (raised.has(key)) return;
  flushRefusals()
    .then(() => raise(workspaceId, key))
    .catch((e: unknown) => log.error({ err: e }, "alert trigger failed"));
}
