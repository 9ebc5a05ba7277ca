import "server-only";
import { pool } from "@/lib/db/pool";
import { utcDay } from "./time";
import { log } from "@/lib/observability/logger";

// Refused calls by UTC day, workspace, model and code, counted without slowing the metering path:
// a refusal adds one to a counter in memory, and every FLUSH_MS the counters are added to
// "RefusalCount" in one statement (one upsert per row, rows in one order, so two processes never
// deadlock). A refusal storm on one row costs a Map increment per call and one row update per
// flush, not a row lock per call. Exact within a process; a failed flush keeps its counts for the
// next one; a crash loses at most the last FLUSH_MS of counts (never a charge: nothing here is money).

export type RefusalCode =
  | "quota_exceeded"
  | "model_not_allowed"
  | "insufficient_credits"
  | "spend_cap_reached"
  | "member_spend_cap_reached";

const FLUSH_MS = 2_000;
const SEP = "\u0000"; // model keys are validated strings without NUL

type State = { pending: Map<string, number>; timer: NodeJS.Timeout | null; chain: Promise<void> };
// One counter per process, whichever bundle (route, page, worker) loaded this module.
const globalForRefusals = globalThis as unknown as { tollgateRefusals?: State };
const state = (globalForRefusals.tollgateRefusals ??= {
  pending: new Map(),
  timer: null,
  chain: Promise.resolve(),
});

/** Starts the flush timer unless one is already running. */
function scheduleFlush() {
  if (state.timer) return;
  state.timer = setTimeout(() => void flushRefusals(), FLUSH_MS);
  state.timer.unref?.();
}

/** Counts one refused call (in memory; flushed within FLUSH_MS). Never throws, never waits. */
export function countRefusal(workspaceId: string, modelKey: string, code: RefusalCode, now = new Date()) {
  const key = [utcDay(now).toISOString().slice(0, 10), workspaceId, modelKey, code].join(SEP);
  state.pending.set(key, (state.pending.get(key) ?? 0) + 1);
  scheduleFlush();
}

async function writeBatch(batch: Map<string, number>) {
  const keys = [...batch.keys()].sort();
  const cols = keys.map((k) => k.split(SEP));
  try {
    await pool().query(
      `insert into "RefusalCount" as r ("day", "workspaceId", "modelKey", "code", "count")
       select * from unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::bigint[])
       on conflict ("workspaceId", "day", "modelKey", "code") do update set "count" = r."count" + excluded."count"`,
      [
        cols.map((c) => c[0]),
        cols.map((c) => c[1]),
        cols.map((c) => c[2]),
        cols.map((c) => c[3]),
        keys.map((k) => batch.get(k)!),
      ],
    );
  } catch (e) {
    // Keep the counts for the next flush rather than lose them.
    for (const [k, n] of batch) state.pending.set(k, (state.pending.get(k) ?? 0) + n);
    scheduleFlush();
    log.error({ err: e }, "refusal counts flush failed; retrying");
  }
}

/**
 * Adds the counts so far to the table. Flushes run one after another, so once this resolves every
 * refusal counted before the call is in the table (readers call it first).
 */
export function flushRefusals(): Promise<void> {
  state.chain = state.chain.then(() => {
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
    const batch = state.pending;
    if (!batch.size) return;
    state.pending = new Map();
    return writeBatch(batch);
  });
  return state.chain;
}

export type RefusalRow = { day: string; modelKey: string; code: RefusalCode; count: number };

/** A workspace's refusals per day, model and code over the last `days` UTC days (today included). */
export async function refusalsByDay(
  workspaceId: string,
  days: number,
  now = new Date(),
): Promise<RefusalRow[]> {
  await flushRefusals();
  const from = new Date(utcDay(now).getTime() - (days - 1) * 864e5).toISOString().slice(0, 10);
  const { rows } = await pool().query<{ day: string; modelKey: string; code: RefusalCode; count: string }>(
    `select to_char("day", 'YYYY-MM-DD') as day, "modelKey", "code", "count"::text as count
       from "RefusalCount" where "workspaceId" = $1 and "day" >= $2::date
      order by 1, 2, 3`,
    [workspaceId, from],
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
