// Read-side reports for the subscriber dashboard: overview, usage by day and model, events, ledger.
// Aggregates run in SQL; pages and exports read bounded slices, never a whole table into memory.
import "server-only";
import { historySplit, rawPart, rolledPart } from "@/lib/analytics/history";
import { db, Prisma, type BilledTo } from "@/lib/db";
import { lastTopUp } from "@/lib/billing/low-balance";
import { planOf } from "@/lib/billing/plan";
import { nextUtcMidnight, utcDay } from "./time";

const DAY_MS = 24 * 60 * 60 * 1000;

export type UsageFilters = { model?: string; billedTo?: BilledTo; from?: Date; to?: Date };
export type Paging = { page: number; pageSize: number };

/** The plan's tier and daily quota (its version's), account type, balance, today's quota and the last top-up (for isBalanceLow). */
export async function workspaceOverview(workspaceId: string, now = new Date()) {
  const [workspace, plan, topUp, counter] = await Promise.all([
    db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { accountType: true, balanceMillicredits: true, overageEnabled: true },
    }),
    planOf(workspaceId),
    lastTopUp(workspaceId, db),
    db.quotaCounter.findUnique({
      where: { workspaceId_day: { workspaceId, day: utcDay(now) } },
      select: { used: true },
    }),
  ]);
  const quota =
    workspace.accountType === "subscription"
      ? { used: counter?.used ?? 0, limit: plan.dailyQuotaUnits, resetsAt: nextUtcMidnight(now) }
      : null;
  return {
    tier: { code: plan.tier.code, name: plan.tier.name, dailyQuotaUnits: plan.dailyQuotaUnits },
    accountType: workspace.accountType,
    overageEnabled: workspace.overageEnabled,
    balanceMillicredits: workspace.balanceMillicredits,
    quota,
    lastTopUp: topUp,
  };
}

/** Whole percent of today's quota used, rounded down (so "80%" only shows once 80% is really used). */
export function quotaPercent(quota: { used: number; limit: number }) {
  if (quota.limit <= 0) return quota.used > 0 ? 100 : 0;
  return Math.floor((quota.used * 100) / quota.limit);
}

export type DailyModelUsage = {
  day: string;
  modelKey: string;
  calls: number;
  chargedMillicredits: string;
  quotaUnits: number;
};

/**
 * Calls, credits and quota units per UTC day and model over the last `days` days (today included).
 * Only days with usage come back; the chart fills the gaps. Rolled-up days read UsageRollup, the
 * rest the raw events (lib/analytics/history.ts).
 */
export async function usageByDayAndModel(
  workspaceId: string,
  days = 30,
  now = new Date(),
): Promise<DailyModelUsage[]> {
  const range = { from: new Date(utcDay(now).getTime() - (days - 1) * DAY_MS), to: nextUtcMidnight(now) };
  const split = await historySplit(range);
  const rows = await db.$queryRaw<
    { day: string; modelKey: string; calls: bigint; charged: string; units: bigint }[]
  >`
    select day, "modelKey", sum(calls)::bigint as calls, sum(charged)::text as charged, sum(units)::bigint as units
    from (
      select to_char(r.day, 'YYYY-MM-DD') as day, r."modelKey", r.calls::bigint as calls,
        r."chargedMillicredits"::numeric as charged, r."quotaUnits"::numeric as units
      from "UsageRollup" r
      where r."workspaceId" = ${workspaceId} and ${rolledPart(split, Prisma.sql`r.day`)}
      union all
      select to_char("createdAt", 'YYYY-MM-DD'), "modelKey", count(*), sum("chargedMillicredits"), sum("quotaUnits")
      from "UsageEvent"
      where "workspaceId" = ${workspaceId} and ${rawPart(split, Prisma.sql`"createdAt"`)}
      group by 1, 2
    ) as u
    group by 1, 2
    order by 1, 2`;
  return rows.map((r) => ({
    day: r.day,
    modelKey: r.modelKey,
    calls: Number(r.calls),
    chargedMillicredits: r.charged,
    quotaUnits: Number(r.units),
  }));
}

/** Every UTC day of the window as 'YYYY-MM-DD', oldest first (for filling chart gaps). */
export function reportDays(days = 30, now = new Date()): string[] {
  const first = utcDay(now).getTime() - (days - 1) * DAY_MS;
  return Array.from({ length: days }, (_, i) => new Date(first + i * DAY_MS).toISOString().slice(0, 10));
}

function usageWhere(workspaceId: string, f: UsageFilters): Prisma.UsageEventWhereInput {
  return {
    workspaceId,
    ...(f.model ? { modelKey: f.model } : {}),
    ...(f.billedTo ? { billedTo: f.billedTo } : {}),
    ...(f.from || f.to
      ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } }
      : {}),
  };
}

const pageOf = (total: number, { page, pageSize }: Paging) => {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return { page: Math.min(Math.max(1, Math.floor(page)), pageCount), pageCount };
};

/** One page of usage events, newest first, with the filtered total. `to` is exclusive. */
export async function listUsageEvents(workspaceId: string, filters: UsageFilters & Paging) {
  const where = usageWhere(workspaceId, filters);
  const total = await db.usageEvent.count({ where });
  const { page, pageCount } = pageOf(total, filters);
  const events = await db.usageEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * filters.pageSize,
    take: filters.pageSize,
  });
  return { events, total, page, pageCount, ruleNames: await ruleNames(events) };
}

/** The names of the pricing rules stamped on these events (their newest names), by rule id. */
async function ruleNames(events: { timeRuleId: string | null; volumeRuleId: string | null }[]) {
  const ids = [...new Set(events.flatMap((e) => [e.timeRuleId, e.volumeRuleId]).filter((x) => x !== null))];
  if (ids.length === 0) return new Map<string, string>();
  const rules = await db.priceRule.findMany({
    where: { id: { in: ids } },
    orderBy: [{ id: "asc" }, { version: "desc" }],
    distinct: ["id"],
    select: { id: true, name: true },
  });
  return new Map(rules.map((r) => [r.id, r.name]));
}

/** The model keys this workspace has used, for the usage filter. */
export async function usedModelKeys(workspaceId: string): Promise<string[]> {
  const rows = await db.usageEvent.groupBy({
    by: ["modelKey"],
    where: { workspaceId },
    orderBy: { modelKey: "asc" },
  });
  return rows.map((r) => r.modelKey);
}

/** All matching events oldest first, in batches, keyset-paged on (createdAt, id) so memory stays flat. */
export async function* usageEventsForExport(workspaceId: string, filters: UsageFilters, batchSize = 1000) {
  const where = usageWhere(workspaceId, filters);
  let cursor: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const after: Prisma.UsageEventWhereInput = cursor
      ? {
          OR: [
            { createdAt: { gt: cursor.createdAt } },
            { createdAt: cursor.createdAt, id: { gt: cursor.id } },
          ],
        }
      : {};
    const batch = await db.usageEvent.findMany({
      where: { AND: [where, after] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: batchSize,
    });
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1];
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}

/** One page of the ledger, newest first. Each entry's balanceAfterMillicredits is the running balance. */
export async function listLedger(workspaceId: string, paging: Paging) {
  const total = await db.ledgerEntry.count({ where: { workspaceId } });
  const { page, pageCount } = pageOf(total, paging);
  const entries = await db.ledgerEntry.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
    skip: (page - 1) * paging.pageSize,
    take: paging.pageSize,
  });
  return { entries, total, page, pageCount };
}
