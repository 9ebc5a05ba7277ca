// Dynamic pricing rules (README "Dynamic pricing rules"): which rule versions are in force for a
// call, and what they say. Pure: no database, no clock (callers pass `now`), so the metering path
// resolves them from the in-memory catalog snapshot with no query.
//
// - time_of_day: a multiplier (basis points, 15000 = 1.5x) on the list price during a UTC window
//   [startMinute, endMinute) of the day, on some weekdays (0 = Sunday) or every day.
// - volume: steps down the price once the workspace's usage of the model being charged this UTC
//   month passes thresholds (in the model's unit; tokens = input + output). The steps are applied
//   in the charge statement (prisma/sql/tollgate_volume_price.sql), where the month-to-date count is.
//
// A rule is scoped to one model or to one plan tier; a model's rule of a kind wins over its tier's.
// Each change is a new version with its effective-from; archiving is a version with active = false.

import { formatCount, scaledDecimal } from "@/lib/utils/format";

export type VolumeStep = { fromUnits: number; discountBps: number };

type RuleBase = {
  id: string;
  version: number;
  name: string;
  modelId: string | null;
  tierId: string | null;
  active: boolean;
  effectiveFrom: Date;
};
export type TimeRule = RuleBase & {
  kind: "time_of_day";
  startMinute: number;
  endMinute: number;
  weekdays: number[];
  multiplierBps: number;
};
export type VolumeRule = RuleBase & { kind: "volume"; steps: VolumeStep[] };
export type PriceRuleVersion = TimeRule | VolumeRule;

/** A PriceRule row as stored (schema.prisma); steps are JSON. */
export type PriceRuleRow = RuleBase & {
  kind: "time_of_day" | "volume";
  startMinute: number | null;
  endMinute: number | null;
  weekdays: number[];
  multiplierBps: number | null;
  steps: unknown;
};

export const BPS = 10_000;
export const MIN_MULTIPLIER_BPS = 1_000; // 0.1x
export const MAX_MULTIPLIER_BPS = 100_000; // 10x
export const MAX_DISCOUNT_BPS = 9_000; // 90 % off
export const MAX_STEPS = 10;
export const DAY_MINUTES = 24 * 60;

export function toRuleVersion(row: PriceRuleRow): PriceRuleVersion {
  if (row.kind === "volume") return { ...row, kind: "volume", steps: (row.steps ?? []) as VolumeStep[] };
  return {
    ...row,
    kind: "time_of_day",
    startMinute: row.startMinute ?? 0,
    endMinute: row.endMinute ?? DAY_MINUTES,
    multiplierBps: row.multiplierBps ?? BPS,
  };
}

/** Every rule's versions, newest first, grouped by scope: what the catalog snapshot keeps. */
export type RuleBook = {
  size: number;
  byModel: Map<string, PriceRuleVersion[][]>;
  byTier: Map<string, PriceRuleVersion[][]>;
};

export function ruleBook(rows: PriceRuleRow[]): RuleBook {
  const byId = new Map<string, PriceRuleVersion[]>();
  for (const row of rows) {
    const list = byId.get(row.id) ?? [];
    list.push(toRuleVersion(row));
    byId.set(row.id, list);
  }
  const book: RuleBook = { size: byId.size, byModel: new Map(), byTier: new Map() };
  for (const versions of byId.values()) {
    versions.sort((a, b) => b.version - a.version);
    const { modelId, tierId } = versions[0];
    const [map, key] = modelId ? [book.byModel, modelId] : [book.byTier, tierId ?? ""];
    map.set(key, [...(map.get(key) ?? []), versions]);
  }
  return book;
}

/** The version of one rule in force at `now` (the newest already effective), or null (none yet, or archived). */
export function versionAt(versions: PriceRuleVersion[], now: Date): PriceRuleVersion | null {
  const v = versions.find((x) => x.effectiveFrom.getTime() <= now.getTime());
  return v && v.active ? v : null;
}

const minuteOfDay = (now: Date) => now.getUTCHours() * 60 + now.getUTCMinutes();

/** Whether a time rule's window contains `now` (UTC). */
export function windowContains(rule: Pick<TimeRule, "startMinute" | "endMinute" | "weekdays">, now: Date) {
  const minute = minuteOfDay(now);
  return (
    (rule.weekdays.length === 0 || rule.weekdays.includes(now.getUTCDay())) &&
    rule.startMinute <= minute &&
    minute < rule.endMinute
  );
}

function inForce(scoped: PriceRuleVersion[][] | undefined, now: Date) {
  const out: PriceRuleVersion[] = [];
  for (const versions of scoped ?? []) {
    const v = versionAt(versions, now);
    if (v) out.push(v);
  }
  return out;
}

export type RulesInForce = { time: TimeRule | null; volume: VolumeRule | null };
const NONE: RulesInForce = { time: null, volume: null };

/** The time rule whose window holds `now` and the volume rule, for a model on a tier (model scope first). */
export function rulesFor(book: RuleBook, modelId: string, tierId: string, now: Date): RulesInForce {
  if (book.size === 0) return NONE;
  const model = inForce(book.byModel.get(modelId), now);
  const tier = inForce(book.byTier.get(tierId), now);
  if (model.length === 0 && tier.length === 0) return NONE;
  const time = (list: PriceRuleVersion[]) =>
    list.find((r): r is TimeRule => r.kind === "time_of_day" && windowContains(r, now)) ?? null;
  const volume = (list: PriceRuleVersion[]) => list.find((r): r is VolumeRule => r.kind === "volume") ?? null;
  return { time: time(model) ?? time(tier), volume: volume(model) ?? volume(tier) };
}

/**
 * The schedule of a model on a tier at `now`: every time window in force (the model's windows
 * replace the tier's when it has any) and the volume steps, for /api/v1/models and the calculator.
 */
export function scheduleFor(book: RuleBook, modelId: string, tierId: string, now: Date) {
  const model = inForce(book.byModel.get(modelId), now);
  const tier = inForce(book.byTier.get(tierId), now);
  const windows = (list: PriceRuleVersion[]) => list.filter((r): r is TimeRule => r.kind === "time_of_day");
  const modelWindows = windows(model);
  const { time, volume } = rulesFor(book, modelId, tierId, now);
  return {
    multiplierBps: time?.multiplierBps ?? BPS,
    timeRule: time,
    windows: (modelWindows.length ? modelWindows : windows(tier)).sort(
      (a, b) => a.startMinute - b.startMinute,
    ),
    volume,
  };
}

/** The units a call counts towards volume thresholds: tokens in + out, or the quantity. */
export function volumeUnits(
  unit: string,
  usage: { quantity?: number; inputTokens?: number; outputTokens?: number },
) {
  return unit === "token" ? (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0) : (usage.quantity ?? 1);
}

/**
 * What the charge statement needs to apply and stamp the rules (tollgate_charge_usage's p_rules),
 * or null when none applies. Free and own-key calls carry none.
 */
export function ruleArgs(rules: RulesInForce, units: number) {
  if (!rules.time && !rules.volume) return null;
  return {
    ...(rules.time && { timeRuleId: rules.time.id, timeRuleVersion: rules.time.version }),
    ...(rules.volume && {
      volumeRuleId: rules.volume.id,
      volumeRuleVersion: rules.volume.version,
      volumeUnits: units,
      steps: rules.volume.steps.map((s) => [s.fromUnits, s.discountBps]),
    }),
  };
}

// ---- Display ---------------------------------------------------------------------------------

export const RULE_KIND_LABEL = { time_of_day: "Time of day", volume: "Volume" } as const;

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
export const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
export const formatMultiplier = (bps: number) => `${scaledDecimal(bps, 4)}x`;

/** "14:00–18:00 UTC, Mon–Fri: 1.5x" style. */
export function describeWindow(
  rule: Pick<TimeRule, "startMinute" | "endMinute" | "weekdays" | "multiplierBps">,
) {
  const days = rule.weekdays.length === 0 ? "every day" : rule.weekdays.map((d) => WEEKDAYS[d]).join(", ");
  return `${hhmm(rule.startMinute)}–${hhmm(rule.endMinute)} UTC, ${days}: ${formatMultiplier(rule.multiplierBps)}`;
}

/** "from 1,000,000: −10 %; from 10,000,000: −20 %" style. */
export function describeSteps(steps: VolumeStep[]) {
  return steps
    .map((s) => `from ${formatCount(s.fromUnits)}: −${scaledDecimal(s.discountBps, 2)} %`)
    .join("; ");
}

/** The rules stamped on a usage event, "Afternoon peak v1 · Volume v2", or "—" for the list price. */
export function stampLabel(
  event: {
    timeRuleId: string | null;
    timeRuleVersion: number | null;
    volumeRuleId: string | null;
    volumeRuleVersion: number | null;
  },
  names: Map<string, string>,
) {
  const parts = [
    [event.timeRuleId, event.timeRuleVersion],
    [event.volumeRuleId, event.volumeRuleVersion],
  ].flatMap(([id, v]) => (id ? [`${names.get(String(id)) ?? "Rule"} v${v}`] : []));
  return parts.length ? parts.join(" · ") : "—";
}

export function describeRule(rule: PriceRuleVersion) {
  return rule.kind === "time_of_day" ? describeWindow(rule) : describeSteps(rule.steps);
}

// ---- Validation --------------------------------------------------------------------------------

/** Whether two time windows share a minute on a shared weekday (empty weekdays = every day). */
export function windowsOverlap(
  a: Pick<TimeRule, "startMinute" | "endMinute" | "weekdays">,
  b: Pick<TimeRule, "startMinute" | "endMinute" | "weekdays">,
) {
  const days =
    a.weekdays.length === 0 || b.weekdays.length === 0 || a.weekdays.some((d) => b.weekdays.includes(d));
  return days && a.startMinute < b.endMinute && b.startMinute < a.endMinute;
}

/** Problems with a volume rule's steps, in words; empty when valid. */
export function stepProblems(steps: VolumeStep[]): string[] {
  const problems: string[] = [];
  if (steps.length === 0) problems.push("Add at least one step.");
  if (steps.length > MAX_STEPS) problems.push(`At most ${MAX_STEPS} steps.`);
  steps.forEach((s, i) => {
    if (!Number.isSafeInteger(s.fromUnits) || s.fromUnits <= 0)
      problems.push(`Step ${i + 1}: the threshold must be a whole number above 0.`);
    if (i > 0 && s.fromUnits <= steps[i - 1].fromUnits)
      problems.push(
        `Step ${i + 1}: thresholds must go up (${s.fromUnits} is not above ${steps[i - 1].fromUnits}).`,
      );
    if (!Number.isInteger(s.discountBps) || s.discountBps < 0 || s.discountBps > MAX_DISCOUNT_BPS)
      problems.push(`Step ${i + 1}: the discount must be from 0 to ${MAX_DISCOUNT_BPS / 100} %.`);
  });
  return problems;
}

// ---- The pricing page (static, so rules go to the browser keyed by model key and tier code) ----

export type PublicPriceRule = Omit<PriceRuleRow, "effectiveFrom" | "modelId" | "tierId" | "steps"> & {
  /** Volume rules' steps; null for time-of-day rules. */
  steps: VolumeStep[] | null;
  effectiveFrom: string;
  modelKey: string | null;
  tierCode: string | null;
};

/** The rule book of the public catalog: scopes are model keys and tier codes there. */
export function publicRuleBook(rules: PublicPriceRule[]) {
  return ruleBook(
    rules.map(({ modelKey, tierCode, effectiveFrom, ...r }) => ({
      ...r,
      modelId: modelKey,
      tierId: tierCode,
      effectiveFrom: new Date(effectiveFrom),
    })),
  );
}

/** The average multiplier over a week of even usage, in basis points (rounded to the nearest). */
export function weekAverageMultiplierBps(windows: TimeRule[]) {
  const WEEK = 7 * DAY_MINUTES;
  let extra = 0;
  for (const w of windows)
    extra += (w.endMinute - w.startMinute) * (w.weekdays.length || 7) * (w.multiplierBps - BPS);
  return BPS + Math.round(extra / WEEK);
}

/**
 * The calculator's copy of prisma/sql/tollgate_volume_price.sql (the charge's, which is the
 * authority; price-rules.test.ts checks they agree): `units` after `before` this month under the
 * steps, each unit at the list price less its step's discount, rounded up once.
 */
export function volumePrice(charge: bigint, before: bigint, units: bigint, steps: VolumeStep[]) {
  if (charge <= 0n || steps.length === 0) return charge;
  const n = units > 0n ? units : 1n;
  const end = before + n;
  const max = (a: bigint, b: bigint) => (a > b ? a : b);
  const min = (a: bigint, b: bigint) => (a < b ? a : b);
  let weighted = 0n;
  let lo = 0n;
  let bps = 0n;
  for (const s of [...steps, null]) {
    const hi = s ? BigInt(s.fromUnits) : end;
    weighted += max(0n, min(end, hi) - max(before, lo)) * (10_000n - bps);
    if (!s) break;
    lo = BigInt(s.fromUnits);
    bps = BigInt(s.discountBps);
  }
  const den = n * 10_000n;
  return (charge * weighted + den - 1n) / den;
}
