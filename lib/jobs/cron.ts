// Five-field cron expressions (minute hour day-of-month month day-of-week, UTC), matched against one
// minute. The recurring queues (lib/jobs/queues.ts) are sent by lib/jobs/runtime.ts with this rather
// than by pg-boss's scheduler: that one finds each schedule's last fire time by walking back through
// cron-parser and luxon, 40–200 ms of synchronous CPU per check on a 2-core box, every 30 s, on the
// event loop the metering path shares (the stalls behind figure (d')'s tail, README "Performance").
// Matching one minute is a few set lookups. Supported: `*`, numbers, ranges `a-b`, steps `*/n` and
// `a-b/n`, lists; day of week 0–7 (0 and 7 are Sunday). Anything else throws when parsed.

type Field = { min: number; max: number };
const FIELDS: Field[] = [
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12 }, // month
  { min: 0, max: 7 }, // day of week
];

export type Cron = { sets: Set<number>[]; anyDayOfMonth: boolean; anyDayOfWeek: boolean };

function parseField(text: string, { min, max }: Field): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`Unsupported cron field: ${text}`);
    const from = m[1] === "*" ? min : Number(m[2]);
    const to = m[1] === "*" ? max : m[3] !== undefined ? Number(m[3]) : m[4] ? max : from;
    const step = m[4] ? Number(m[4]) : 1;
    if (from < min || to > max || from > to || step < 1) throw new Error(`Cron field out of range: ${text}`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`A cron expression has five fields: ${expression}`);
  const sets = parts.map((p, i) => parseField(p, FIELDS[i]));
  if (sets[4].has(7)) sets[4].add(0);
  return { sets, anyDayOfMonth: parts[2] === "*", anyDayOfWeek: parts[4] === "*" };
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
