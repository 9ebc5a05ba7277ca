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
import type { Range } from "./range";
import { at, MONEY_TAKEN, SEGMENTS } from "./sql";

export type MarginRow = { label: string; calls: number; costMicros: bigint; revenueMillicredits: bigint };

const inRange = (range: Range, col: Prisma.Sql) =>
  Prisma.sql`${col} >= ${at(range.from)} and ${col} < ${at(range.to)}`;

/** Per-tier received money and per-(tier, model) calls, cost and list value; tier "" is pay as you go. */
const MARGIN_CTES = (range: Range) => Prisma.sql`${SEGMENTS},
  pay as (
    select coalesce(seg."tierId", '') as tier, sum(p."amountCents" - p."refundedCents")::numeric * 10000 as micros
    from "Payment" p
    left join seg on seg."workspaceId" = p."workspaceId" and p."createdAt" >= seg.start and p."createdAt" < seg.stop
    where ${inRange(range, Prisma.sql`p."createdAt"`)} and p.status in ${MONEY_TAKEN}
    group by 1
  ),
  ev as (
    select coalesce(seg."tierId", '') as tier, e."modelKey", count(*)::int as calls,
      sum(e."providerCostMicros")::numeric as cost,
      sum(case when e."billedTo" in ('free', 'byok') then 0
        else ceil(e."providerCostMicros"::numeric * (10000 + e."markupBps") / 10000) end) as value
    from "UsageEvent" e
    left join seg on seg."workspaceId" = e."workspaceId" and e."createdAt" >= seg.start and e."createdAt" < seg.stop
    where ${inRange(range, Prisma.sql`e."createdAt"`)}
    group by 1, 2
  ),
  tv as (
    select tier, sum(value) as value, sum(cost) as cost, sum(calls) as calls from ev group by tier
  )`;

/** Revenue, provider cost and calls per tier (each payment and call under the plan in force at its time). */
export async function marginByTier(range: Range): Promise<MarginRow[]> {
  return db.$queryRaw<MarginRow[]>`
    with ${MARGIN_CTES(range)}
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
  return db.$queryRaw<MarginRow[]>`
    with ${MARGIN_CTES(range)},
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
