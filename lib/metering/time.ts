// Quota windows are UTC days; spend caps are UTC months. No job resets anything: counters are keyed by them.

export function utcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function nextUtcMidnight(now: Date): Date {
  return new Date(utcDay(now).getTime() + 24 * 60 * 60 * 1000);
}

export function utcMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** The first instant of the next UTC month: when credits granted for `now`'s month expire. */
export function nextUtcMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/** "2026-03": a UTC month as ledger references name it. */
export function utcMonthKey(now: Date): string {
  return utcMonth(now).toISOString().slice(0, 7);
}
