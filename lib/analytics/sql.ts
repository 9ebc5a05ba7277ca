// SQL pieces shared by the analytics queries. Timestamps are UTC wall-clock `timestamp` columns, so
// bounds go in as ISO strings cast to timestamp (the session's time zone never applies).
import "server-only";
import { Prisma } from "@/lib/db";
import { bucketsOf, type Range } from "./range";

export const at = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp`;

/** Payments that took money (a refund keeps the row; its refundedCents is subtracted). */
export const MONEY_TAKEN = Prisma.sql`('paid', 'partially_refunded', 'refunded')`;

/**
 * Subscription `s` was live just before instant `t`. There is no status history, so a row that is
 * canceled now counts as live from createdAt until canceledAt; one without canceledAt counts only
 * while its status is live. `incomplete` never was.
 */
export const liveAt = (t: Prisma.Sql) => Prisma.sql`(
  s."createdAt" < ${t} and s.status <> 'incomplete'
  and (s."canceledAt" >= ${t} or (s."canceledAt" is null and s.status in ('active', 'trialing', 'past_due')))
)`;

/**
 * Monthly recurring cents of subscription `s` at the price it pays: its plan version `v` (see
 * PRICED_SUBSCRIPTIONS), else tier `t`'s; annual plans as a twelfth (rounded down), comp plans as 0.
 */
export const MRR_CENTS = Prisma.sql`(case when s.provider = 'manual' then 0
  when s.interval = 'year' then coalesce(v."annualPriceCents", t."annualPriceCents") / 12
  else coalesce(v."monthlyPriceCents", t."monthlyPriceCents") end)`;

/** Subscriptions `s` with their tier `t` and the plan version `v` they were sold at, for MRR_CENTS. */
export const PRICED_SUBSCRIPTIONS = Prisma.sql`"Subscription" s join "Tier" t on t.id = s."tierId"
  left join "PlanVersion" v on v.id = s."planVersionId"`;

/**
 * A CTE `seg(workspaceId, tierId, start, stop)`: the span in which each subscription decided its
 * workspace's tier. Spans end at canceledAt (or never, while live) and are cut at the workspace's
 * next subscription, so they never overlap and each event or payment falls in at most one.
 */
export const SEGMENTS = Prisma.sql`seg as (
  select s."workspaceId", s."tierId", s."createdAt" as start,
    least(
      case when s."canceledAt" is not null then s."canceledAt"
           when s.status in ('active', 'trialing', 'past_due') then 'infinity'::timestamp
           else s."createdAt" end,
      coalesce(lead(s."createdAt") over (partition by s."workspaceId" order by s."createdAt", s.id), 'infinity'::timestamp)
    ) as stop
  from "Subscription" s
  where s.status <> 'incomplete'
)`;

/**
 * The list value of calls `e`: what they would have charged in credits at the markup they recorded,
 * ceil(cost x (1 + markup)); free-model and BYOK calls are worth nothing (lib/analytics/margins.ts).
 */
export const LIST_VALUE = Prisma.sql`sum(case when e."billedTo" in ('free', 'byok') then 0
  else ceil(e."providerCostMicros"::numeric * (10000 + e."markupBps") / 10000) end)`;

/** Bucket index of timestamp expression `col` within the range (days or weeks from `from`). */
export function bucketIndex(range: Range, col: Prisma.Sql) {
  const seconds = bucketsOf(range).stepDays * 86_400;
  return Prisma.sql`floor(extract(epoch from (${col} - ${at(range.from)})) / ${seconds}::int)::int`;
}

/** `generate_series` of bucket indexes with each bucket's first day ('YYYY-MM-DD') and end instant (clipped to `to`). */
export function bucketSeries(range: Range) {
  const { stepDays, count } = bucketsOf(range);
  return Prisma.sql`(
    select g.b, to_char(${at(range.from)} + make_interval(days => g.b * ${stepDays}::int), 'YYYY-MM-DD') as day,
      least(${at(range.from)} + make_interval(days => (g.b + 1) * ${stepDays}::int), ${at(range.to)}) as stop
    from generate_series(0, ${count - 1}::int) as g(b)
  ) as buckets`;
}

/**
 * With SEGMENTS in scope: `(day, hash)` for each date of `days` (a query of one date column), the
 * hash of the plan spans clipped to that UTC day. Calls on a day keep their tier exactly as long as
 * its hash stays the same, so a rollup stores it and compares it when read (lib/analytics/rollups.ts).
 */
export const daySegmentsHash = (days: Prisma.Sql) => Prisma.sql`
  select d.day, md5(coalesce(string_agg(seg."workspaceId" || '|' || seg."tierId" || '|'
      || greatest(seg.start, d.day::timestamp)::text || '|' || least(seg.stop, d.day::timestamp + interval '1 day')::text,
    ',' order by seg."workspaceId", seg.start, seg."tierId"), '')) as hash
  from (${days}) as d(day)
  left join seg on seg.start < d.day::timestamp + interval '1 day' and seg.stop > d.day::timestamp
  group by d.day`;
