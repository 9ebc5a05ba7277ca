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
