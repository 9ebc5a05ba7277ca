// Recurring revenue, subscriptions by tier, new and churned subscriptions, payments by tier.
// Every figure is aggregated in PostgreSQL; money stays integer cents (bigint).
import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Range } from "./range";
import { at, bucketSeries, liveAt, MONEY_TAKEN, MRR_CENTS, PRICED_SUBSCRIPTIONS, SEGMENTS } from "./sql";

/**
 * MRR in cents at instant `t`: every subscription live then, at the price it pays (its plan
 * version's), monthly; annual plans as a twelfth; comp (manual) plans and free tiers add nothing.
 * The one definition: analytics, the admin overview and reports all read it here.
 */
export async function mrrCentsAt(t: Date): Promise<bigint> {
  const [row] = await db.$queryRaw<{ mrr: bigint }[]>`
    select coalesce(sum(${MRR_CENTS}), 0)::bigint as mrr
    from ${PRICED_SUBSCRIPTIONS}
    where ${liveAt(at(t))}`;
  return row.mrr;
}

/** MRR (cents, at the prices the subscriptions pay) of those live at the end of the range; ARR is twelve times it. */
export async function recurringRevenue(range: Range): Promise<{ mrrCents: bigint; arrCents: bigint }> {
  const mrrCents = await mrrCentsAt(range.to);
  return { mrrCents, arrCents: mrrCents * 12n };
}

export type MrrPoint = { day: string; mrrCents: bigint };

/** MRR at the end of each day (or week) of the range. */
export async function mrrSeries(range: Range): Promise<MrrPoint[]> {
  return db.$queryRaw<MrrPoint[]>`
    select buckets.day, coalesce(sum(${MRR_CENTS}) filter (where ${liveAt(Prisma.sql`buckets.stop`)}), 0)::bigint as "mrrCents"
    from ${bucketSeries(range)}
    left join (
      ${PRICED_SUBSCRIPTIONS}
    ) on s."createdAt" < ${at(range.to)} and (s."canceledAt" is null or s."canceledAt" >= ${at(range.from)})
    group by buckets.b, buckets.day
    order by buckets.b`;
}

export type TierSubscriptions = {
  code: string;
  name: string;
  active: number;
  monthly: number;
  annual: number;
  comp: number;
  mrrCents: bigint;
};

/** Subscriptions live at the end of the range per tier (every unarchived tier, and archived ones still in use). */
export async function activeByTier(range: Range): Promise<TierSubscriptions[]> {
  return db.$queryRaw<TierSubscriptions[]>`
    select t.code, t.name,
      count(s.id)::int as active,
      (count(s.id) filter (where s.interval = 'month' and s.provider <> 'manual'))::int as monthly,
      (count(s.id) filter (where s.interval = 'year' and s.provider <> 'manual'))::int as annual,
      (count(s.id) filter (where s.provider = 'manual'))::int as comp,
      coalesce(sum(${MRR_CENTS}) filter (where s.id is not null), 0)::bigint as "mrrCents"
    from "Tier" t
    left join "Subscription" s on s."tierId" = t.id and ${liveAt(at(range.to))}
    left join "PlanVersion" v on v.id = s."planVersionId"
    group by t.id, t.code, t.name, t.rank, t."archivedAt"
    having t."archivedAt" is null or count(s.id) > 0
    order by t.rank, t.code`;
}

export type MonthMovement = { month: string; liveAtStart: number; new: number; churned: number };

// Ending one subscription and starting another for the same workspace within a day is a plan
// change (checkout of a new plan, a comp plan set by an admin), neither churn nor a new customer.
const PLAN_CHANGE_WINDOW = Prisma.sql`interval '1 day'`;

/**
 * Per calendar month the range touches (whole months): subscriptions live at the month's start,
 * started in it and ended in it. Churn rate = churned / live at start.
 */
export async function subscriptionMovements(range: Range): Promise<MonthMovement[]> {
  return db.$queryRaw<MonthMovement[]>`
    with months as (
      select m as start, m + interval '1 month' as stop
      from generate_series(date_trunc('month', ${at(range.from)}), date_trunc('month', ${at(range.to)} - interval '1 millisecond'), interval '1 month') as m
    ),
    subs as (
      select s.id, s."createdAt", s."canceledAt",
        exists (select 1 from "Subscription" r where r."workspaceId" = s."workspaceId" and r.id <> s.id
          and r."canceledAt" between s."createdAt" - ${PLAN_CHANGE_WINDOW} and s."createdAt" + ${PLAN_CHANGE_WINDOW}) as "changedFrom",
        exists (select 1 from "Subscription" n where n."workspaceId" = s."workspaceId" and n.id <> s.id and n.status <> 'incomplete'
          and n."createdAt" between s."canceledAt" - ${PLAN_CHANGE_WINDOW} and s."canceledAt" + ${PLAN_CHANGE_WINDOW}) as "changedTo"
      from "Subscription" s
      where s.status <> 'incomplete'
        and (s."createdAt" < (select max(stop) from months))
        and (s."canceledAt" is null or s."canceledAt" >= (select min(start) from months))
    )
    select to_char(months.start, 'YYYY-MM') as month,
      (select count(*) from "Subscription" s where ${liveAt(Prisma.sql`months.start`)})::int as "liveAtStart",
      (select count(*) from subs where subs."createdAt" >= months.start and subs."createdAt" < months.stop and not subs."changedFrom")::int as new,
      (select count(*) from subs where subs."canceledAt" >= months.start and subs."canceledAt" < months.stop and not subs."changedTo")::int as churned
    from months
    order by months.start`;
}

/** Churned over live-at-start as a fraction, or null when nothing was live at the start. */
export const churnRate = (m: { liveAtStart: number; churned: number }) =>
  m.liveAtStart > 0 ? m.churned / m.liveAtStart : null;

export type TierPayments = {
  tier: string;
  planStartCents: bigint;
  planChangeCents: bigint;
  renewalCents: bigint;
  creditPackCents: bigint;
  netCents: bigint;
};

/**
 * Money received in the range (amount minus refunds, failed payments excluded) per kind, under the
 * tier the workspace was on when it paid; workspaces without a plan are "Pay as you go".
 */
export async function paymentsByTier(range: Range): Promise<TierPayments[]> {
  return db.$queryRaw<TierPayments[]>`
    with ${SEGMENTS},
    pay as (
      select p."workspaceId", p."createdAt", p.kind, (p."amountCents" - p."refundedCents")::bigint as net
      from "Payment" p
      where p."createdAt" >= ${at(range.from)} and p."createdAt" < ${at(range.to)} and p.status in ${MONEY_TAKEN}
    )
    select coalesce(t.name, 'Pay as you go') as tier,
      coalesce(sum(pay.net) filter (where pay.kind = 'plan_start'), 0)::bigint as "planStartCents",
      coalesce(sum(pay.net) filter (where pay.kind = 'plan_change'), 0)::bigint as "planChangeCents",
      coalesce(sum(pay.net) filter (where pay.kind = 'renewal'), 0)::bigint as "renewalCents",
      coalesce(sum(pay.net) filter (where pay.kind = 'credit_pack'), 0)::bigint as "creditPackCents",
      sum(pay.net)::bigint as "netCents"
    from pay
    left join seg on seg."workspaceId" = pay."workspaceId" and pay."createdAt" >= seg.start and pay."createdAt" < seg.stop
    left join "Tier" t on t.id = seg."tierId"
    group by t.id, t.name, t.rank
    order by t.rank nulls first, t.name`;
}
