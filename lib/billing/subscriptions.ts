import "server-only";
import { db, type Prisma, type Tx } from "@/lib/db";
import { emitSubscriptionEvent } from "@/lib/webhooks/events";
import { currentPlanVersion } from "./plan-versions";

/** Statuses in which a subscription still decides the workspace's tier (past_due: the grace period). */
export const LIVE_STATUSES = ["active", "trialing", "past_due"] as const;

/** The tier a workspace without a live subscription is on. */
export const FREE_TIER_CODE = "free";

const PERIOD_MS = { month: 30 * 864e5, year: 365 * 864e5 } as const;

export const periodEnd = (start: Date, interval: "month" | "year") =>
  new Date(start.getTime() + PERIOD_MS[interval]);

// The effective-plan rule, once. A workspace is on the tier of its newest live subscription (any
// provider: Stripe, local or an admin's comp plan; past_due keeps it through the grace period; a
// scheduled downgrade changes nothing until it starts), and on the free tier without one.
// lib/metering/authenticate.ts states the same rule in SQL for the hot path (LIVE_STATUSES is
// interpolated there); lib/billing/effective-plan.test.ts pins that both agree.

/** Relation args for "the live subscription" where a query includes a workspace's subscriptions. */
export const liveSubscriptionArgs = {
  where: { status: { in: [...LIVE_STATUSES] } },
  orderBy: { createdAt: "desc" },
  take: 1,
} satisfies Prisma.Workspace$subscriptionsArgs;

/** The live subscription's tier code and name, for lists that show each workspace's plan. */
export const livePlanName = {
  ...liveSubscriptionArgs,
  select: { tier: { select: { code: true, name: true } } },
} satisfies Prisma.Workspace$subscriptionsArgs;

/** A workspace filter: its effective plan is the tier `code` (no live subscription counts as free). */
export function onTierWhere(code: string): Prisma.WorkspaceWhereInput {
  const onTier: Prisma.WorkspaceWhereInput = {
    subscriptions: { some: { ...liveSubscriptionArgs.where, tier: { code } } },
  };
  return code === FREE_TIER_CODE
    ? { OR: [{ subscriptions: { none: liveSubscriptionArgs.where } }, onTier] }
    : onTier;
}

export function liveSubscription(workspaceId: string, executor: Tx | typeof db = db) {
  return executor.subscription.findFirst({
    where: { workspaceId, ...liveSubscriptionArgs.where },
    include: { tier: true, planVersion: true, scheduledPlanVersion: true },
    orderBy: liveSubscriptionArgs.orderBy,
  });
}

/** The workspace's effective plan: its live subscription (or null) and the tier it puts it on. */
export async function effectivePlan(workspaceId: string, executor: Tx | typeof db = db) {
  const subscription = await liveSubscription(workspaceId, executor);
  const tier =
    subscription?.tier ?? (await executor.tier.findUniqueOrThrow({ where: { code: FREE_TIER_CODE } }));
  return { subscription, tier };
}

/**
 * Puts the workspace on a new plan from `start`: any live subscription ends, the new one runs for
 * one interval on the plan version it was sold at (the tier's current one unless the checkout
 * named another), and the workspace draws its daily quota. Returns the ended ones and the new one.
 * Every plan start (checkout on any provider, an admin grant) comes through here, so this is where
 * subscription.canceled (for the ended ones) and subscription.created are emitted.
 */
export async function replaceLiveSubscription(
  tx: Tx,
  input: Omit<
    Prisma.SubscriptionUncheckedCreateInput,
    "currentPeriodStart" | "currentPeriodEnd" | "interval"
  > & { interval: "month" | "year"; start: Date },
) {
  const { start, ...data } = input;
  const ended = await tx.subscription.findMany({
    where: { workspaceId: data.workspaceId, ...liveSubscriptionArgs.where },
  });
  await tx.subscription.updateMany({
    where: { id: { in: ended.map((s) => s.id) } },
    data: { status: "canceled", canceledAt: start },
  });
  const subscription = await tx.subscription.create({
    data: {
      ...data,
      planVersionId: data.planVersionId ?? (await currentPlanVersion(tx, data.tierId)).id,
      currentPeriodStart: start,
      currentPeriodEnd: periodEnd(start, data.interval),
    },
  });
  await tx.workspace.update({ where: { id: data.workspaceId }, data: { accountType: "subscription" } });
  for (const s of ended) await emitSubscriptionEvent(tx, "subscription.canceled", s);
  await emitSubscriptionEvent(tx, "subscription.created", subscription);
  return { ended, subscription };
}
