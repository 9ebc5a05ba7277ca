import { db, type Prisma, type Tx } from "@/lib/db";
import { emitSubscriptionEvent } from "@/lib/webhooks/events";

/** Statuses in which a subscription still decides the workspace's tier. */
export const LIVE_STATUSES = ["active", "trialing", "past_due"] as const;

const PERIOD_MS = { month: 30 * 864e5, year: 365 * 864e5 } as const;

export const periodEnd = (start: Date, interval: "month" | "year") =>
  new Date(start.getTime() + PERIOD_MS[interval]);

export function liveSubscription(workspaceId: string) {
  return db.subscription.findFirst({
    where: { workspaceId, status: { in: [...LIVE_STATUSES] } },
    include: { tier: true },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Puts the workspace on a new plan from `start`: any live subscription ends, the new one runs for
 * one interval, and the workspace draws its daily quota. Returns the ended ones and the new one.
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
    where: { workspaceId: data.workspaceId, status: { in: [...LIVE_STATUSES] } },
  });
  await tx.subscription.updateMany({
    where: { id: { in: ended.map((s) => s.id) } },
    data: { status: "canceled", canceledAt: start },
  });
  const subscription = await tx.subscription.create({
    data: { ...data, currentPeriodStart: start, currentPeriodEnd: periodEnd(start, data.interval) },
  });
  await tx.workspace.update({ where: { id: data.workspaceId }, data: { accountType: "subscription" } });
  for (const s of ended) await emitSubscriptionEvent(tx, "subscription.canceled", s);
  await emitSubscriptionEvent(tx, "subscription.created", subscription);
  return { ended, subscription };
}
