import { DAY_MS, dayOf, type Range } from "@/lib/analytics/range";
import type { ReportFrequency } from "@/lib/db/generated/enums";
import { formatDate } from "@/lib/utils/format";

// A report's period in UTC: a day, an ISO week (Monday to Sunday) or a calendar month. "previous"
// is the last completed one (what the schedule sends), "current" the one under way (Run now).

export type ReportPeriod = {
  /** 2026-12-02, 2026-W49, 2026-12: one per schedule and period, the run's idempotency key. */
  key: string;
  range: Range;
  fromDay: string;
  /** The last day in the period (inclusive); for "current", today. */
  toDay: string;
  label: string;
};

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** ISO week number and its year for the week holding `monday`. */
function isoWeek(monday: Date) {
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function bounds(frequency: ReportFrequency, at: Date): { from: Date; to: Date; key: string } {
  const day = startOfDay(at);
  if (frequency === "daily") return { from: day, to: new Date(day.getTime() + DAY_MS), key: dayOf(day) };
  if (frequency === "weekly") {
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
    return { from: monday, to: new Date(monday.getTime() + 7 * DAY_MS), key: isoWeek(monday) };
  }
  const from = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  const to = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1));
  return { from, to, key: dayOf(from).slice(0, 7) };
}

export function reportPeriod(
  frequency: ReportFrequency,
  now: Date,
  which: "previous" | "current",
): ReportPeriod {
  const current = bounds(frequency, now);
  const { from, to, key } =
    which === "current" ? current : bounds(frequency, new Date(current.from.getTime() - 1));
  // The current period runs to the end of today, so the report counts everything so far.
  const end = which === "current" ? new Date(startOfDay(now).getTime() + DAY_MS) : to;
  const lastDay = new Date(end.getTime() - DAY_MS);
  const label =
    dayOf(from) === dayOf(lastDay) ? formatDate(from) : `${formatDate(from)} – ${formatDate(lastDay)}`;
  return {
    key,
    range: { from, to: end },
    fromDay: dayOf(from),
    toDay: dayOf(lastDay),
    label: which === "current" ? `${label} (so far)` : label,
  };
}
