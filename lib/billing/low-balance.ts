// "Low balance", once: the dashboard banner, the low-credits email and the after-charge trigger all
// ask here. SPEC §5: credits are low below 10% of the last top-up or grant. Without a top-up there is
// nothing to measure against, so the balance is never "low" (the alert's period is the top-up).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { pool } from "@/lib/db/pool";

/** Ledger kinds that top a balance up: the newest positive one sets the threshold. */
export const TOP_UP_KINDS = ["purchase", "monthly_grant", "referral", "coupon", "admin_adjustment"] as const;

/** The low mark is this fraction (1/10) of the last top-up. */
const LOW_BALANCE_DIVISOR = 10n;

export type TopUp = { id: string; amountMillicredits: bigint };

/** The balance under which credits count as low, or null when there is no top-up to measure against. */
export function lowBalanceThreshold(lastTopUp: Pick<TopUp, "amountMillicredits">): bigint;
export function lowBalanceThreshold(lastTopUp: Pick<TopUp, "amountMillicredits"> | null): bigint | null;
export function lowBalanceThreshold(lastTopUp: Pick<TopUp, "amountMillicredits"> | null): bigint | null {
  return lastTopUp ? lastTopUp.amountMillicredits / LOW_BALANCE_DIVISOR : null;
}

/** Credits are low: strictly under 10% of the last top-up (any account type; both draw credits). */
export function isBalanceLow(o: {
  balanceMillicredits: bigint;
  lastTopUp: Pick<TopUp, "amountMillicredits"> | null;
}): boolean {
  const threshold = lowBalanceThreshold(o.lastTopUp);
  return threshold !== null && o.balanceMillicredits < threshold;
}

// One statement for every reader; it walks the (workspaceId, seq) index backwards.
const LAST_TOP_UP_SQL = `select id, "amountMillicredits"::text as amount from "LedgerEntry"
  where "workspaceId" = $1 and kind::text = any($2) and "amountMillicredits" > 0 order by seq desc limit 1`;

/**
 * The workspace's newest positive top-up. Without `executor` it reads through the plain pool (the
 * metering path's trigger); pass a Prisma client or transaction to read inside it.
 */
export async function lastTopUp(workspaceId: string, executor?: Tx | typeof db): Promise<TopUp | null> {
  type Row = { id: string; amount: string };
  const kinds = [...TOP_UP_KINDS];
  const rows = executor
    ? await executor.$queryRawUnsafe<Row[]>(LAST_TOP_UP_SQL, workspaceId, kinds)
    : (await pool().query<Row>(LAST_TOP_UP_SQL, [workspaceId, kinds])).rows;
  const row = rows[0];
  return row ? { id: row.id, amountMillicredits: BigInt(row.amount) } : null;
}
