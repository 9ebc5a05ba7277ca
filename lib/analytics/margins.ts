// True margins: the money received against what the calls cost, per tier and per model.
// Definitions (the analytics page's help text states the same; analytics.test.ts pins them):
// - Revenue of a tier: payments received in the range, net of refunds, while the workspace was on
//   that tier (plan starts, plan changes and renewals at the prices actually paid, and credit
//   packs); workspaces without a plan are "Pay as you go". 1 cent = 10,000 micro-dollars.
// - Cost: the provider cost of the calls made in the range under that tier, in micro-dollars.
// - Revenue of a model: each tier's revenue shared among the models called under it in proportion
//   to the calls' list value — what they would have charged in credits at the markup they recorded,
//   ceil(cost x (1 + markup)), whether drawn from the quota or from credits; free-model and BYOK
//   calls are worth nothing. Rounded down to the micro-dollar. A tier's revenue in a range without
//   calls is not spread over models: it shows as "Unallocated".
// - Margin = revenue - cost; margin rate = margin / revenue (lib/analytics/usage.ts `margin`).
// Micro-dollars equal millicredits, so rows carry `revenueMillicredits` like the usage tables.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { historySplit, rawPart, rolledPart, type HistorySplit } from "./history";
import type { Range } from "./range";
import { at, daySegmentsHash, LIST_VALUE, MONEY_TAKEN, SEGMENTS } from "./sql";

export type MarginRow = { label: string; calls: number; costMicros: bigint; revenueMillicredits: bigint };

const inRange = (range: Range, col: Prisma.Sql) =>
  Prisma.sql`${col} >= ${at(range.from)} and ${col} < ${at(range.to)}`;

/** Calls `e`: their count, provider cost and list value (what revenue is shared by). */
const EVENT_FIGURES = Prisma.sql`count(*)::int as calls, sum(e."providerCostMicros")::numeric as cost, ${LIST_VALUE} as value`;

/**
 * Per-tier received money and per-(tier, model) calls, cost and list value; tier "" is pay as you go.
 * Days not rolled up (lib/analytics/history.ts) are read raw, each call under the plan in force at
 * its instant. Rolled-up days read UsageTierRollup while their plan spans are the ones the rollup
 * attributed (`valid`: same hash); on the others (`stale`) the (workspace, day) rows of UsageRollup
 * take the tier of the plan that covered the whole day, and the pairs in which a plan started or
 * ended (`split`) are read raw.
 */
const MARGIN_CTES = (range: Range, days: HistorySplit) => Prisma.sql`${SEGMENTS},
  pay as (
    select coalesce(seg."tierId", '') as tier, sum(p."amountCents" - p."refundedCents")::numeric * 10000 as micros
    from "Payment" p
    left join seg on seg."workspaceId" = p."workspaceId" and p."createdAt" >= seg.start and p."createdAt" < seg.stop
    where ${inRange(range, Prisma.sql`p."createdAt"`)} and p.status in ${MONEY_TAKEN}
    group by 1
  ),
  rolled as (select r.day, r.segments from "RollupDay" r where ${rolledPart(days, Prisma.sql`r.day`)}),
  fresh as (${daySegmentsHash(Prisma.sql`select day from rolled`)}),
  stale as (select rolled.day from rolled join fresh on fresh.day = rolled.day where fresh.hash <> rolled.segments),
  split as (
    select distinct seg."workspaceId", b.at::date as day
    from seg cross join lateral (values (seg.start), (seg.stop)) as b(at)
    where b.at <> date_trunc('day', b.at) and b.at::date in (select day from stale)
  ),
  parts as (
    select r."tierId" as tier, r."modelKey", sum(r.calls)::int as calls,
      sum(r."providerCostMicros")::numeric as cost, sum(r."listValueMicros")::numeric as value
    from "UsageTierRollup" r
    where ${rolledPart(days, Prisma.sql`r.day`)} and r.day not in (select day from stale)
    group by 1, 2
    union all
    select coalesce(seg."tierId", ''), r."modelKey", sum(r.calls)::int,
      sum(r."providerCostMicros")::numeric, sum(r."listValueMicros")::numeric
    from stale
    join "UsageRollup" r on r.day = stale.day
    left join seg on seg."workspaceId" = r."workspaceId" and seg.start <= r.day::timestamp
      and seg.stop >= r.day::timestamp + interval '1 day'
    where not exists (select 1 from split where split."workspaceId" = r."workspaceId" and split.day = r.day)
    group by 1, 2
    union all
    select coalesce(seg."tierId", ''), e."modelKey", ${EVENT_FIGURES}
    from "UsageEvent" e
    left join seg on seg."workspaceId" = e."workspaceId" and e."createdAt" >= seg.start and e."createdAt" < seg.stop
    where ${rawPart(days, Prisma.sql`e."createdAt"`)}
    group by 1, 2
    union all
    select coalesce(seg."tierId", ''), e."modelKey", ${EVENT_FIGURES}
    from split
    cross join lateral (
      select * from "UsageEvent" e
      where e."workspaceId" = split."workspaceId"
        and e."createdAt" >= split.day::timestamp and e."createdAt" < split.day::timestamp + interval '1 day'
    ) as e
    left join seg on seg."workspaceId" = e."workspaceId" and e."createdAt" >= seg.start and e."createdAt" < seg.stop
    group by 1, 2
  ),
  ev as (
    select tier, "modelKey", sum(calls)::int as calls, sum(cost) as cost, sum(value) as value
    from parts group by tier, "modelKey"
  ),
  tv as (
    select tier, sum(value) as value, sum(cost) as cost, sum(calls) as calls from ev group by tier
  )`;

/** Revenue, provider cost and calls per tier (each payment and call under the plan in force at its time). */
export async function marginByTier(range: Range): Promise<MarginRow[]> {
  const days = await historySplit(range);
  return db.$queryRaw<MarginRow[]>`
    with ${MARGIN_CTES(range, days)}
    select coalesce(t.name, 'Pay as you go') as label,
      coalesce(tv.calls, 0)::int as calls,
      coalesce(tv.cost, 0)::bigint as "costMicros",
      coalesce(pay.micros, 0)::bigint as "revenueMillicredits"
    from pay full join tv on tv.tier = pay.tier
    left join "Tier" t on t.id = coalesce(pay.tier, tv.tier)
    order by t.rank nulls first, t.name`;
}

/** Calls, provider cost and allocated revenue per model; then tiers' revenue without calls as "Unallocated". */
export async function marginByModel(range: Range): Promise<MarginRow[]> {
  const days = await historySplit(range);
  return db.$queryRaw<MarginRow[]>`
    with ${MARGIN_CTES(range, days)},
    share as (
      select ev."modelKey", ev.calls, ev.cost,
        -- The model's share of its tier's list value (of its cost, or calls, when the tier's calls were all free).
        floor(coalesce(pay.micros, 0) * case when tv.value > 0 then ev.value / tv.value
          when tv.cost > 0 then ev.cost / tv.cost else ev.calls::numeric / tv.calls end) as revenue
      from ev join tv on tv.tier = ev.tier left join pay on pay.tier = ev.tier
    ),
    rows as (
      select 0 as k, "modelKey" as label, sum(calls)::int as calls, sum(cost)::bigint as "costMicros",
        sum(revenue)::bigint as "revenueMillicredits"
      from share group by "modelKey"
      union all
      select 1, 'Unallocated', 0, 0, sum(pay.micros)::bigint
      from pay where not exists (select 1 from tv where tv.tier = pay.tier)
      having sum(pay.micros) <> 0
    )
    select label, calls, "costMicros", "revenueMillicredits" from rows
    order by k, "revenueMillicredits" desc, label`;
}
