// The analytics date range: whole UTC days, `from` and `to` inclusive in the URL, an exclusive end
// instant for queries. The page and the CSV export parse the same `?from=&to=`.
import { z } from "zod";

export const DAY_MS = 24 * 60 * 60 * 1000;
// A longer range only makes every query slower without telling an admin anything new.
export const MAX_RANGE_DAYS = 366 * 3;
// Up to about a quarter one point per day stays readable; beyond it the series goes weekly.
export const MAX_DAILY_BUCKETS = 92;
export const DEFAULT_DAYS = 30;

/** Query bounds: `to` is the exclusive end instant (00:00 UTC after the last day). */
export type Range = { from: Date; to: Date };

export type ParsedRange = Range & {
  /** The inclusive UTC days as typed in the URL, 'YYYY-MM-DD'. */
  fromDay: string;
  toDay: string;
  days: number;
  /** Set when the input was unusable and the default range is shown instead. */
  error?: string;
};

const dayString = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Dates must look like 2024-01-31.")
  .refine((v) => {
    const t = Date.parse(`${v}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(v);
  }, "That date doesn't exist.");

const paramsSchema = z.object({ from: dayString.optional(), to: dayString.optional() });

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const startOfDay = (day: string) => new Date(`${day}T00:00:00Z`);
const addDays = (date: Date, n: number) => new Date(date.getTime() + n * DAY_MS);
const today = (now: Date) => startOfDay(dayOf(now));

/** Inclusive UTC days as a range. */
export function rangeOf(fromDay: string, toDay: string): ParsedRange {
  const from = startOfDay(fromDay);
  const to = addDays(startOfDay(toDay), 1);
  return { from, to, fromDay, toDay, days: Math.round((to.getTime() - from.getTime()) / DAY_MS) };
}

/** The last `days` UTC days, today included. */
export function lastDays(days: number, now = new Date()): ParsedRange {
  return rangeOf(dayOf(addDays(today(now), 1 - days)), dayOf(now));
}

export const defaultRange = (now = new Date()) => lastDays(DEFAULT_DAYS, now);

/**
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD` (UTC, inclusive). A missing bound is filled from the default
 * (to = today, from = 29 days before `to`); anything unusable gives the default range and a message.
 */
export function parseRange(
  params: Record<string, string | string[] | undefined>,
  now = new Date(),
): ParsedRange {
  const raw = { from: first(params.from), to: first(params.to) };
  if (!raw.from && !raw.to) return defaultRange(now);
  const parsed = paramsSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ...defaultRange(now),
      error: `${parsed.error.issues[0].message} Showing the last ${DEFAULT_DAYS} days.`,
    };
  const toDay = parsed.data.to ?? dayOf(now);
  const fromDay = parsed.data.from ?? dayOf(addDays(startOfDay(toDay), 1 - DEFAULT_DAYS));
  const range = rangeOf(fromDay, toDay);
  if (range.days < 1)
    return {
      ...defaultRange(now),
      error: `The start date is after the end date. Showing the last ${DEFAULT_DAYS} days.`,
    };
  if (range.days > MAX_RANGE_DAYS)
    return {
      ...defaultRange(now),
      error: `Choose a range of at most 3 years. Showing the last ${DEFAULT_DAYS} days.`,
    };
  return range;
}

export type Preset = { label: string; range: ParsedRange };

/** The picker's shortcuts, relative to today (UTC). */
export function presets(now = new Date()): Preset[] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const thisMonth = new Date(Date.UTC(y, m, 1));
  const lastMonth = new Date(Date.UTC(y, m - 1, 1));
  return [
    { label: "Last 7 days", range: lastDays(7, now) },
    { label: "Last 30 days", range: lastDays(30, now) },
    { label: "Last 90 days", range: lastDays(90, now) },
    { label: "This month", range: rangeOf(dayOf(thisMonth), dayOf(now)) },
    { label: "Last month", range: rangeOf(dayOf(lastMonth), dayOf(addDays(thisMonth, -1))) },
  ];
}

export const rangeQuery = (r: { fromDay: string; toDay: string }) => `from=${r.fromDay}&to=${r.toDay}`;

/** Time series use one bucket per day up to MAX_DAILY_BUCKETS days, else 7-day buckets starting at `from`. */
export function bucketsOf(range: Range): { stepDays: 1 | 7; count: number } {
  const days = Math.round((range.to.getTime() - range.from.getTime()) / DAY_MS);
  const stepDays = days <= MAX_DAILY_BUCKETS ? 1 : 7;
  return { stepDays, count: Math.max(1, Math.ceil(days / stepDays)) };
}
