import "server-only";
import { catalogSnapshot } from "./catalog-cache";
import { refusalsByDay, type RefusalCode } from "./refusal-counts";
import { reportDays } from "./reports";

// The overview's "calls refused" card: today's refusals by code, the tiers that would unlock the
// refused models, and the last REFUSAL_DAYS days for the chart.

export const REFUSAL_DAYS = 14;

export type RefusalDay = { day: string } & Record<RefusalCode, number>;

const CODES: RefusalCode[] = [
  "quota_exceeded",
  "model_not_allowed",
  "insufficient_credits",
  "spend_cap_reached",
  "member_spend_cap_reached",
];

export async function refusalReport(workspaceId: string, now = new Date()) {
  const [rows, catalog] = await Promise.all([
    refusalsByDay(workspaceId, REFUSAL_DAYS, now),
    catalogSnapshot(),
  ]);
  const days = reportDays(REFUSAL_DAYS, now);
  const today = days[days.length - 1];
  const byDay: RefusalDay[] = days.map(
    (day) => ({ day, ...Object.fromEntries(CODES.map((c) => [c, 0])) }) as RefusalDay,
  );
  for (const r of rows) {
    const point = byDay.find((d) => d.day === r.day);
    if (point) point[r.code] += r.count;
  }
  const todays = rows.filter((r) => r.day === today);
  const byCode = CODES.map((code) => ({
    code,
    count: todays.filter((r) => r.code === code).reduce((s, r) => s + r.count, 0),
  })).filter((c) => c.count > 0);

  // model_not_allowed: which tier unlocks each refused model (null: no plan on sale has it).
  const tiers = [...catalog.tiersById.values()];
  const unlocks = new Map<
    string,
    { tier: { code: string; name: string } | null; models: string[]; count: number }
  >();
  for (const r of todays.filter((t) => t.code === "model_not_allowed")) {
    const code = catalog.models.get(r.modelKey)?.requiredTier ?? null;
    const tier = code ? (tiers.find((t) => t.code === code) ?? null) : null;
    const key = tier?.code ?? "";
    const entry = unlocks.get(key) ?? {
      tier: tier && { code: tier.code, name: tier.name },
      models: [],
      count: 0,
    };
    entry.models.push(r.modelKey);
    entry.count += r.count;
    unlocks.set(key, entry);
  }
  return {
    total: byCode.reduce((s, c) => s + c.count, 0),
    byCode,
    unlocks: [...unlocks.values()],
    days: byDay,
    anyRecent: rows.length > 0,
  };
}

export type RefusalReport = Awaited<ReturnType<typeof refusalReport>>;
