// Credits in and out, provider cost against revenue, usage by hour and model, top workspaces.
// Provider cost is micro-dollars, which equal millicredits, so cost and revenue subtract directly.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { historySplit, rawPart, rolledPart } from "./history";
import type { Range } from "./range";
import { at, bucketIndex, bucketSeries, MONEY_TAKEN } from "./sql";

const inRange = (range: Range, col: Prisma.Sql) =>
  Prisma.sql`${col} >= ${at(range.from)} and ${col} < ${at(range.to)}`;

export type CreditsPoint = {
  day: string;
  soldMillicredits: bigint;
  grantedMillicredits: bigint;
  consumedMillicredits: bigint;
};

// Credits handed out rather than paid for. Rollover only carries existing credits forward.
const GRANT_KINDS = Prisma.sql`('monthly_grant', 'referral', 'coupon', 'admin_adjustment')`;
const FLOW_KINDS = Prisma.sql`('purchase', 'usage', 'monthly_grant', 'referral', 'coupon', 'admin_adjustment')`;

/**
 * Per day (or week): credits sold (positive `purchase` entries), granted (positive grants, referral,
 * coupon and admin entries) and consumed (`usage` entries, which committed reservations write too;
 * holds are released again, so they are not consumption).
 */
export async function creditsFlow(range: Range): Promise<CreditsPoint[]> {
  const split = await historySplit(range);
  return db.$queryRaw<CreditsPoint[]>`
    with parts as (
      select ${bucketIndex(range, Prisma.sql`r.day::timestamp`)} as b,
        sum(r."creditedMillicredits") filter (where r.kind = 'purchase') as sold,
        sum(r."creditedMillicredits") filter (where r.kind in ${GRANT_KINDS}) as granted,
        -sum(r."creditedMillicredits" + r."debitedMillicredits") filter (where r.kind = 'usage') as consumed
      from "LedgerRollup" r
      where ${rolledPart(split, Prisma.sql`r.day`)} and r.kind in ${FLOW_KINDS}
      group by 1
      union all
      select ${bucketIndex(range, Prisma.sql`l."createdAt"`)} as b,
        sum(l."amountMillicredits") filter (where l.kind = 'purchase' and l."amountMillicredits" > 0) as sold,
        sum(l."amountMillicredits") filter (where l.kind in ${GRANT_KINDS} and l."amountMillicredits" > 0) as granted,
        -sum(l."amountMillicredits") filter (where l.kind = 'usage') as consumed
      from "LedgerEntry" l
      where ${rawPart(split, Prisma.sql`l."createdAt"`)} and l.kind in ${FLOW_KINDS}
      group by 1
    ),
    agg as (select b, sum(sold) as sold, sum(granted) as granted, sum(consumed) as consumed from parts group by b)
    select buckets.day,
      coalesce(agg.sold, 0)::bigint as "soldMillicredits",
      coalesce(agg.granted, 0)::bigint as "grantedMillicredits",
      coalesce(agg.consumed, 0)::bigint as "consumedMillicredits"
    from ${bucketSeries(range)} left join agg on agg.b = buckets.b
    order by buckets.b`;
}

export type ModelUsage = { modelKey: string; calls: number; costMicros: bigint; revenueMillicredits: bigint };

/** Calls, provider cost and credits charged per model. */
export async function usageByModel(range: Range): Promise<ModelUsage[]> {
  const split = await historySplit(range);
  return db.$queryRaw<ModelUsage[]>`
    select u."modelKey", sum(u.calls)::int as calls,
      sum(u.cost)::bigint as "costMicros", sum(u.revenue)::bigint as "revenueMillicredits"
    from (
      select r."modelKey", sum(r.calls) as calls, sum(r."providerCostMicros") as cost, sum(r."chargedMillicredits") as revenue
      from "UsageTierRollup" r where ${rolledPart(split, Prisma.sql`r.day`)}
      group by 1
      union all
      select e."modelKey", count(*), sum(e."providerCostMicros"), sum(e."chargedMillicredits")
      from "UsageEvent" e where ${rawPart(split, Prisma.sql`e."createdAt"`)}
      group by 1
    ) as u
    group by u."modelKey"
    order by "revenueMillicredits" desc, u."modelKey"`;
}

/** Revenue minus cost, and that as a fraction of revenue (null without revenue). */
export function margin(row: { costMicros: bigint; revenueMillicredits: bigint }) {
  const marginMillicredits = row.revenueMillicredits - row.costMicros;
  const rate =
    row.revenueMillicredits > 0n ? Number(marginMillicredits) / Number(row.revenueMillicredits) : null;
  return { marginMillicredits, rate };
}

export type HourUsage = { hour: number; calls: number; creditsMillicredits: bigint };

/** Calls and credits charged per hour of the day (UTC), all 24 hours. */
export async function usageByHour(range: Range): Promise<HourUsage[]> {
  const split = await historySplit(range);
  return db.$queryRaw<HourUsage[]>`
    with agg as (
      select hour, sum(calls) as calls, sum(credits) as credits from (
        select r.hour, r.calls::bigint as calls, r."chargedMillicredits" as credits
        from "UsageHourRollup" r where ${rolledPart(split, Prisma.sql`r.day`)}
        union all
        select extract(hour from e."createdAt")::int, count(*), sum(e."chargedMillicredits")
        from "UsageEvent" e where ${rawPart(split, Prisma.sql`e."createdAt"`)}
        group by 1
      ) as u
      group by hour
    )
    select h.hour, coalesce(agg.calls, 0)::int as calls, coalesce(agg.credits, 0)::bigint as "creditsMillicredits"
    from generate_series(0, 23) as h(hour) left join agg on agg.hour = h.hour
    order by h.hour`;
}

export type TopWorkspace = { id: string; name: string; paymentsCents: bigint; consumedMillicredits: bigint };

/** The ten workspaces that paid most in the range (then by credits consumed). */
export async function topWorkspaces(range: Range, limit = 10): Promise<TopWorkspace[]> {
  const split = await historySplit(range);
  return db.$queryRaw<TopWorkspace[]>`
    with pay as (
      select p."workspaceId", sum(p."amountCents" - p."refundedCents") as cents
      from "Payment" p where ${inRange(range, Prisma.sql`p."createdAt"`)} and p.status in ${MONEY_TAKEN}
      group by 1
    ),
    used as (
      select "workspaceId", sum(consumed) as consumed from (
        select r."workspaceId", -sum(r."creditedMillicredits" + r."debitedMillicredits") as consumed
        from "LedgerRollup" r where ${rolledPart(split, Prisma.sql`r.day`)} and r.kind = 'usage'
        group by 1
        union all
        select l."workspaceId", -sum(l."amountMillicredits")
        from "LedgerEntry" l where ${rawPart(split, Prisma.sql`l."createdAt"`)} and l.kind = 'usage'
        group by 1
      ) as u
      group by 1
    ),
    spend as (
      select coalesce(pay."workspaceId", used."workspaceId") as id, coalesce(pay.cents, 0)::bigint as cents, coalesce(used.consumed, 0)::bigint as consumed
      from pay full join used on used."workspaceId" = pay."workspaceId"
    )
    select w.id, w.name, spend.cents as "paymentsCents", spend.consumed as "consumedMillicredits"
    from spend join "Workspace" w on w.id = spend.id
    where spend.cents > 0 or spend.consumed > 0
    order by spend.cents desc, spend.consumed desc, w.name, w.id
    limit ${limit}::int`;
}
