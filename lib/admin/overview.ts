// The admin overview's figures: MRR and its change over 30 days, subscriptions started and ended
// this month, failed payments nobody has recovered, credits sold against credits used this month,
// and the latest audit entries. Each figure comes from the function that owns its rule
// (lib/analytics), so the overview and Analytics never disagree.
import "server-only";
import { db } from "@/lib/db";
import { dayOf, DAY_MS, rangeOf } from "@/lib/analytics/range";
import { mrrCentsAt, subscriptionMovements } from "@/lib/analytics/revenue";
import { MONEY_TAKEN } from "@/lib/analytics/sql";
import { creditsFlow } from "@/lib/analytics/usage";

/** How far back a failed payment still needs someone to look at it. */
export const FAILED_PAYMENT_DAYS = 30;
export const RECENT_ACTIVITY = 10;

export type MrrChange = {
  nowCents: bigint;
  thenCents: bigint;
  changeCents: bigint;
  changeRatio: number | null;
};

/** MRR now and 30 days ago; the ratio is null when there was no MRR to compare with. */
export async function mrrChange(now = new Date()): Promise<MrrChange> {
  const [nowCents, thenCents] = await Promise.all([
    mrrCentsAt(now),
    mrrCentsAt(new Date(now.getTime() - 30 * DAY_MS)),
  ]);
  const changeCents = nowCents - thenCents;
  return {
    nowCents,
    thenCents,
    changeCents,
    changeRatio: thenCents > 0n ? Number(changeCents) / Number(thenCents) : null,
  };
}

/** The calendar month (UTC) so far, as whole days. */
export const monthSoFar = (now = new Date()) => rangeOf(`${dayOf(now).slice(0, 7)}-01`, dayOf(now));

export type FailedPayments = { unrecovered: number; pastDue: number };

/**
 * Failed payments of the last 30 days whose workspace has not paid anything since (a retry that
 * went through clears them), and subscriptions past due.
 */
export async function failedPaymentsNeedingAttention(now = new Date()): Promise<FailedPayments> {
  const since = new Date(now.getTime() - FAILED_PAYMENT_DAYS * DAY_MS).toISOString();
  const [row] = await db.$queryRaw<FailedPayments[]>`
    select
      (select count(*) from "Payment" p
        where p.status = 'failed' and p."createdAt" >= ${since}::timestamp and p."createdAt" < ${now.toISOString()}::timestamp
          and not exists (select 1 from "Payment" q where q."workspaceId" = p."workspaceId"
            and q.status in ${MONEY_TAKEN} and q."createdAt" > p."createdAt"))::int as unrecovered,
      (select count(*) from "Subscription" s where s.status = 'past_due')::int as "pastDue"`;
  return row;
}

export type CreditsThisMonth = {
  soldMillicredits: bigint;
  grantedMillicredits: bigint;
  consumedMillicredits: bigint;
};

export async function creditsThisMonth(now = new Date()): Promise<CreditsThisMonth> {
  const points = await creditsFlow(monthSoFar(now));
  const sum = (pick: (p: (typeof points)[number]) => bigint) => points.reduce((t, p) => t + pick(p), 0n);
  return {
    soldMillicredits: sum((p) => p.soldMillicredits),
    grantedMillicredits: sum((p) => p.grantedMillicredits),
    consumedMillicredits: sum((p) => p.consumedMillicredits),
  };
}

export async function subscriptionsThisMonth(now = new Date()) {
  const [month] = await subscriptionMovements(monthSoFar(now));
  return { new: month?.new ?? 0, churned: month?.churned ?? 0, liveAtStart: month?.liveAtStart ?? 0 };
}

export const recentActivity = (take = RECENT_ACTIVITY) =>
  db.auditLog.findMany({
    orderBy: { seq: "desc" },
    take,
    select: { id: true, action: true, actorEmail: true, targetType: true, targetId: true, createdAt: true },
  });

export type RecentActivity = Awaited<ReturnType<typeof recentActivity>>;
