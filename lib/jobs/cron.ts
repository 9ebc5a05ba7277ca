// The recurring queues' cron expressions (lib/jobs/queues.ts, UTC), matched against one minute.
// lib/jobs/runtime.ts sends the recurring queues with this rather than with pg-boss's scheduler:
// that one finds each schedule's last fire time by walking back through cron-parser and luxon,
// 40–200 ms of synchronous CPU per check on a 2-core box, every 30 s, on the event loop the
// metering path shares (the stalls behind figure (d')'s tail, README "Performance"). Here
// cron-parser (the library pg-boss uses) reads each expression once, at start; matching a minute
// against the fields it read is a few set lookups.
import cronParser from "cron-parser";

export type Cron = { sets: ReadonlySet<number>[]; anyDayOfMonth: boolean; anyDayOfWeek: boolean };

/** Reads a five-field expression (minute hour day-of-month month day-of-week); throws on anything else. */
export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`A cron expression has five fields: ${expression}`);
  const { minute, hour, dayOfMonth, month, dayOfWeek } = cronParser.parseExpression(expression, {
    tz: "UTC",
  }).fields;
  // "L" (the month's last day) would need the month's length: no queue uses it.
  if (dayOfMonth.some((d) => typeof d !== "number")) throw new Error(`Unsupported cron field: ${parts[2]}`);
  return {
    sets: [
      new Set(minute),
      new Set(hour),
      new Set(dayOfMonth as number[]),
      new Set(month),
      new Set(dayOfWeek.map((d) => d % 7)), // Sunday is 0 or 7
    ],
    anyDayOfMonth: parts[2] === "*" || parts[2] === "?",
    anyDayOfWeek: parts[4] === "*" || parts[4] === "?",
  };
}

/**
 * Whether the schedule fires in the UTC minute of `at`. As in cron, when both day fields are
 * restricted a day matching either one is enough.
 */
export function cronMatches(cron: Cron, at: Date): boolean {
  const [minute, hour, dayOfMonth, month, dayOfWeek] = cron.sets;
  if (!minute.has(at.getUTCMinutes()) || !hour.has(at.getUTCHours()) || !month.has(at.getUTCMonth() + 1))
    return false;
  const dom = dayOfMonth.has(at.getUTCDate());
  const dow = dayOfWeek.has(at.getUTCDay());
  if (cron.anyDayOfMonth || cron.anyDayOfWeek) return dom && dow;
  return dom || dow;
}
