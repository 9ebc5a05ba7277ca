// Which days of a range come from the daily rollups and which from the raw history: the one rule
// every usage and ledger aggregate follows (analytics, reports, the subscriber dashboard's chart).
// A whole UTC day with a RollupDay row reads UsageRollup / UsageHourRollup / LedgerRollup; every
// other instant (today, yesterday inside the grace period, a day a backfill invalidated, a range
// that does not start at midnight) reads UsageEvent / LedgerEntry, so the figures never depend on
// whether the `analytics-rollup` job has run (lib/analytics/rollups.ts).
import "server-only";
import { db, Prisma } from "@/lib/db";
import { at } from "./sql";
import { DAY_MS, dayOf, type Range } from "./range";

type Span = { from: Date; to: Date };

/** The range cut into spans served by rollups and spans read raw, each list in time order. */
export type HistorySplit = { rolled: Span[]; raw: Span[] };

const isMidnight = (d: Date) => d.getTime() % DAY_MS === 0;

/** Splits `range` by the days rolled up now (one indexed read of RollupDay). */
export async function historySplit(range: Range): Promise<HistorySplit> {
  if (!isMidnight(range.from) || range.to <= range.from) return { rolled: [], raw: [range] };
  const lastWhole = new Date(Math.floor(range.to.getTime() / DAY_MS) * DAY_MS);
  const days =
    lastWhole > range.from
      ? await db.rollupDay.findMany({
          where: { day: { gte: range.from, lt: lastWhole } },
          select: { day: true },
          orderBy: { day: "asc" },
        })
      : [];
  return splitByDays(
    range,
    days.map((d) => d.day),
  );
}

/** Pure part of historySplit: `days` are rolled-up UTC midnights inside the range, ascending. */
export function splitByDays(range: Range, days: Date[]): HistorySplit {
  const rolled: Span[] = [];
  for (const day of days) {
    const end = new Date(day.getTime() + DAY_MS);
    const last = rolled[rolled.length - 1];
    if (last && last.to.getTime() === day.getTime()) last.to = end;
    else rolled.push({ from: day, to: end });
  }
  const raw: Span[] = [];
  let cursor = range.from;
  for (const span of rolled) {
    if (span.from > cursor) raw.push({ from: cursor, to: span.from });
    cursor = span.to;
  }
  if (cursor < range.to) raw.push({ from: cursor, to: range.to });
  return { rolled, raw };
}

const anyOf = (parts: Prisma.Sql[]) =>
  parts.length ? Prisma.sql`(${Prisma.join(parts, " or ")})` : Prisma.sql`false`;

/** Predicate on a raw timestamp column: the instants not served by rollups. */
export const rawPart = (split: HistorySplit, col: Prisma.Sql) =>
  anyOf(split.raw.map((s) => Prisma.sql`(${col} >= ${at(s.from)} and ${col} < ${at(s.to)})`));

/** Predicate on a rollup's `day` (date) column: the days served by rollups. */
export const rolledPart = (split: HistorySplit, dayCol: Prisma.Sql) =>
  anyOf(
    split.rolled.map(
      (s) => Prisma.sql`(${dayCol} >= ${dayOf(s.from)}::date and ${dayCol} < ${dayOf(s.to)}::date)`,
    ),
  );
