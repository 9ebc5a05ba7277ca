// The `partition-months` job: UsageEvent and LedgerEntry are partitioned by the UTC month of
// "createdAt" (migration partition_by_month). Each has a partition per month plus a DEFAULT one that
// catches anything else, so an insert never fails for want of a partition. The job keeps
// MONTHS_AHEAD months ready beyond the current one and moves rows that landed in the default
// partition (a backfill into an old month, a clock far ahead) into their month's new partition.
// All of it is prisma/sql/tollgate_month_partitions.sql: idempotent (with nothing to do it reads
// the empty default partition and changes nothing, which is every run but one a month), and two
// workers at once create each month once.
import "server-only";
import type { Queryable } from "@/lib/analytics/rollups";
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

// "2026-12-01": the UTC month of `at` as a date literal (a Date parameter would be read in the
// session's time zone).
const monthLiteral = (at: Date) => utcMonth(at).toISOString().slice(0, 10);

/** Creates the partitions missing from this month through MONTHS_AHEAD ahead; returns how many per table. */
export async function ensureMonthPartitions(now = new Date(), executor: Pick<Tx, "$queryRaw"> = db) {
  const month = utcMonth(now);
  const through = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + MONTHS_AHEAD, 1));
  const created = {} as Record<MonthlyTable, number>;
  for (const table of MONTHLY_TABLES) {
    const [row] = await executor.$queryRaw<{ created: number }[]>`
      select tollgate_month_partitions(${table}, ${monthLiteral(month)}::date, ${monthLiteral(through)}::date) as created`;
    created[table] = row.created;
  }
  return created;
}

/**
 * Partitions for the months from `from` through `to`: a writer backfilling history (the demo
 * seeder, the analytics benchmark) calls it before inserting, in its transaction, so its rows go
 * straight to their months rather than through the default partition.
 */
export async function partitionMonthsFor(client: Queryable, from: Date, to: Date) {
  for (const table of MONTHLY_TABLES)
    await client.query(`select tollgate_month_partitions($1, $2::date, $3::date)`, [
      table,
      monthLiteral(from),
      monthLiteral(to),
    ]);
}
