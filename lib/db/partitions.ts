// The `partition-months` job: UsageEvent and LedgerEntry are partitioned by the UTC month of
// "createdAt" (migration partition_by_month). Each has a partition per month plus a DEFAULT one that
// catches anything else, so an insert never fails for want of a partition. The job keeps
// MONTHS_AHEAD months ready beyond the current one and moves rows that landed in the default
// partition (a backfill into an old month, a clock far ahead) into their month's new partition.
// All of it is prisma/sql/tollgate_month_partitions.sql: idempotent (with nothing to do it reads
// the empty default partition and changes nothing, which is every run but one a month), and two
// workers at once create each month once.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { utcMonth } from "@/lib/metering/time";

/** The tables partitioned by month. */
export const MONTHLY_TABLES = ["UsageEvent", "LedgerEntry"] as const;
export type MonthlyTable = (typeof MONTHLY_TABLES)[number];

/** Months kept ready after the current one. */
export const MONTHS_AHEAD = 3;

/** A month's partition, e.g. "UsageEvent_2026_12". */
export const partitionName = (table: MonthlyTable, month: Date) =>
  `${table}_${month.toISOString().slice(0, 7).replace("-", "_")}`;

/** Creates the partitions missing from this month through MONTHS_AHEAD ahead; returns how many per table. */
export async function ensureMonthPartitions(now = new Date(), executor: Pick<Tx, "$queryRaw"> = db) {
  const from = utcMonth(now);
  const through = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + MONTHS_AHEAD, 1));
  const created = {} as Record<MonthlyTable, number>;
  for (const table of MONTHLY_TABLES) {
    const [row] = await executor.$queryRaw<{ created: number }[]>`
      select tollgate_month_partitions(${table}, ${from}::date, ${through}::date) as created`;
    created[table] = row.created;
  }
  return created;
}
