// The `analytics-rollup` job: every closed UTC day not rolled up yet is aggregated from UsageEvent
// and LedgerEntry into UsageRollup, UsageTierRollup, UsageHourRollup and LedgerRollup, and marked in
// RollupDay, in one transaction per chunk of days (lib/analytics/history.ts decides what reads them).
// - Idempotent: a chunk deletes its days' rows and writes them again under one advisory lock, so a
//   retry, a second worker or a re-run can never count a day twice.
// - Catches up: it rolls every unmarked day from the first day with history to the last closed one,
//   not just yesterday; RollupDay is the per-day watermark. Nothing to do costs two indexed reads.
// - Closed: events and ledger entries are stamped with the transaction's start time
//   (timezone('UTC', now())), so a charge that began before midnight can commit after it. A day is
//   rolled only once GRACE has passed and no transaction that began on it is still open.
// - Backfills (the demo seeder, test fixtures: anything writing rows into a past day) call
//   invalidateRollups for the days they wrote; those days read raw until the next run rolls them.
import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import { DAY_MS, dayOf } from "./range";
import { daySegmentsHash, LIST_VALUE, SEGMENTS } from "./sql";

/** How long after midnight a day waits before it is rolled up. */
export const ROLLUP_GRACE_MINUTES = 15;
/** Days per transaction: bounds a catch-up's transactions at a large history. */
const DAYS_PER_CHUNK = 7;
// pg_advisory_xact_lock key shared by rolling up and invalidating.
const ROLLUP_LOCK = 7_283_021;

type Executor = Pick<Tx, "$executeRaw" | "$executeRawUnsafe" | "$queryRaw">;

/** Rolls up days [from, to) (UTC midnights) from scratch, in the caller's transaction. */
async function rollUpDays(tx: Executor, from: string, to: string) {
  await tx.$executeRaw`select pg_advisory_xact_lock(${ROLLUP_LOCK}::bigint)`;
  const days = Prisma.sql`day >= ${from}::date and day < ${to}::date`;
  const raw = (col: Prisma.Sql) => Prisma.sql`${col} >= ${from}::timestamp and ${col} < ${to}::timestamp`;
  await tx.$executeRaw`delete from "UsageRollup" where ${days}`;
  await tx.$executeRaw`delete from "UsageTierRollup" where ${days}`;
  await tx.$executeRaw`delete from "UsageHourRollup" where ${days}`;
  await tx.$executeRaw`delete from "LedgerRollup" where ${days}`;
  await tx.$executeRaw`delete from "RollupDay" where ${days}`;
  // The plan spans read once: the tiers given to the calls and the hash stored with the day must
  // come from the same subscription history (each statement of the transaction sees a newer one).
  await tx.$executeRaw`create temp table rollup_seg on commit drop as with ${SEGMENTS} select * from seg`;
  const seg = Prisma.sql`seg as (select * from rollup_seg)`;
  await tx.$executeRaw`
    insert into "UsageRollup" ("day", "workspaceId", "modelKey", "calls", "quotaUnits", "providerCostMicros",
      "chargedMillicredits", "listValueMicros")
    select e."createdAt"::date, e."workspaceId", e."modelKey", count(*), sum(e."quotaUnits"),
      sum(e."providerCostMicros"), sum(e."chargedMillicredits"), ${LIST_VALUE}
    from "UsageEvent" e where ${raw(Prisma.sql`e."createdAt"`)}
    group by 1, 2, 3`;
  // Each call under the plan in force at its instant, as lib/analytics/margins.ts attributes raw calls.
  await tx.$executeRaw`
    with ${seg}
    insert into "UsageTierRollup" ("day", "tierId", "modelKey", "calls", "providerCostMicros", "chargedMillicredits", "listValueMicros")
    select e."createdAt"::date, coalesce(seg."tierId", ''), e."modelKey", count(*),
      sum(e."providerCostMicros"), sum(e."chargedMillicredits"), ${LIST_VALUE}
    from "UsageEvent" e
    left join seg on seg."workspaceId" = e."workspaceId" and e."createdAt" >= seg.start and e."createdAt" < seg.stop
    where ${raw(Prisma.sql`e."createdAt"`)}
    group by 1, 2, 3`;
  await tx.$executeRaw`
    insert into "UsageHourRollup" ("day", "hour", "calls", "chargedMillicredits")
    select e."createdAt"::date, extract(hour from e."createdAt")::int, count(*), sum(e."chargedMillicredits")
    from "UsageEvent" e where ${raw(Prisma.sql`e."createdAt"`)}
    group by 1, 2`;
  await tx.$executeRaw`
    insert into "LedgerRollup" ("day", "workspaceId", "kind", "entries", "creditedMillicredits", "debitedMillicredits")
    select l."createdAt"::date, l."workspaceId", l.kind, count(*),
      coalesce(sum(l."amountMillicredits") filter (where l."amountMillicredits" > 0), 0),
      coalesce(sum(l."amountMillicredits") filter (where l."amountMillicredits" < 0), 0)
    from "LedgerEntry" l where ${raw(Prisma.sql`l."createdAt"`)}
    group by 1, 2, 3`;
  await tx.$executeRaw`
    with ${seg}, h as (
      ${daySegmentsHash(Prisma.sql`select d::date from generate_series(${from}::date, ${to}::date - 1, interval '1 day') as d`)}
    )
    insert into "RollupDay" ("day", "rolledAt", "segments")
    select h.day, timezone('UTC', now()), h.hash from h`;
}

/**
 * The days to roll up now: from the first day with history to the last closed day (`now` minus
 * the grace period, and before any open transaction's start), those without a RollupDay row.
 */
async function daysToRollUp(now?: Date): Promise<string[]> {
  const clock = now ? Prisma.sql`${now.toISOString()}::timestamp` : Prisma.sql`timezone('UTC', now())`;
  const rows = await db.$queryRaw<{ day: string }[]>`
    with bounds as (
      select least(
          (select min("createdAt") from "UsageEvent"),
          (select min(m) from unnest(enum_range(null::"LedgerKind")) as k(kind),
            lateral (select min(l."createdAt") as m from "LedgerEntry" l where l.kind = k.kind) as x)
        )::date as first,
        least(
          (${clock} - make_interval(mins => ${ROLLUP_GRACE_MINUTES}::int))::date,
          (select min(timezone('UTC', a.xact_start))::date from pg_stat_activity a
            where a.xact_start is not null and a.backend_type = 'client backend' and a.pid <> pg_backend_pid())
        ) - 1 as last
    )
    select to_char(d, 'YYYY-MM-DD') as day
    from bounds, generate_series(bounds.first, bounds.last, interval '1 day') as d
    where not exists (select 1 from "RollupDay" r where r.day = d::date)
    order by d`;
  return rows.map((r) => r.day);
}

/** Consecutive days as [from, to) chunks of at most DAYS_PER_CHUNK days. */
export function chunksOf(days: string[]): [string, string][] {
  const chunks: [string, string][] = [];
  for (const day of days) {
    const last = chunks[chunks.length - 1];
    const next = dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS));
    const length = last ? (Date.parse(last[1]) - Date.parse(last[0])) / DAY_MS : 0;
    if (last && last[1] === day && length < DAYS_PER_CHUNK) last[1] = next;
    else chunks.push([day, next]);
  }
  return chunks;
}

/** Rolls up every closed day that isn't yet (see the header). `now` stands in for the clock in tests. */
export async function runAnalyticsRollup(options: { now?: Date } = {}) {
  const days = await daysToRollUp(options.now);
  for (const [from, to] of chunksOf(days))
    await db.$transaction((tx) => rollUpDays(tx, from, to), { timeout: 15 * 60_000, maxWait: 60_000 });
  return { days: days.length, first: days[0] ?? null, last: days[days.length - 1] ?? null };
}

/** A pg client or transaction (the demo seeder's) or, through `prismaQuery`, Prisma. */
export type Queryable = { query: (text: string, values: unknown[]) => Promise<unknown> };
export const prismaQuery = (tx: Executor = db): Queryable => ({
  query: (text, values) => tx.$executeRawUnsafe(text, ...values),
});

/**
 * A writer put rows into past days (UTC instants `from` to `to`, inclusive): those days read the raw
 * tables again until the job rolls them up anew. Call it in the writer's transaction.
 */
export async function invalidateRollups(client: Queryable, from: Date, to: Date) {
  await client.query(`select pg_advisory_xact_lock($1::bigint)`, [ROLLUP_LOCK]);
  for (const table of ["RollupDay", "UsageRollup", "UsageTierRollup", "UsageHourRollup", "LedgerRollup"])
    await client.query(`delete from "${table}" where day >= $1::date and day <= $2::date`, [
      dayOf(from),
      dayOf(to),
    ]);
}
