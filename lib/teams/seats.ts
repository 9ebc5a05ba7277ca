import "server-only";
import { effectivePlan } from "@/lib/billing/subscriptions";
import { SEATS_FEATURE_KEY, seatLimit } from "@/lib/catalog/seats";
import { db, type Tx } from "@/lib/db";
import { TeamRuleError } from "./errors";

// Team seats (issue 20): the plan's team_seats feature caps the members; pending invitations hold
// a seat, so a team cannot invite more people than it can take in.

/** Members, pending invitations and the plan's seat limit (null = unlimited). */
export async function seatUsage(workspaceId: string, executor: Tx | typeof db = db, now = new Date()) {
  const { tier } = await effectivePlan(workspaceId, executor);
  const [members, pending, seats] = await Promise.all([
    executor.membership.count({ where: { workspaceId } }),
    executor.teamInvite.count({ where: { workspaceId, status: "pending", expiresAt: { gt: now } } }),
    executor.tierFeature.findFirst({
      where: { tierId: tier.id, feature: { key: SEATS_FEATURE_KEY } },
      select: { limitValue: true },
    }),
  ]);
  const limit = seatLimit(seats ? [{ key: SEATS_FEATURE_KEY, limitValue: seats.limitValue }] : []);
  return { members, pending, limit, planName: tier.name };
}

/** Every seat is taken: a new invitation or member needs a bigger plan. */
export class SeatsFullError extends TeamRuleError {
  constructor(limit: number, planName: string) {
    super(
      `Your ${planName} plan includes ${limit} ${limit === 1 ? "seat" : "seats"}, and ${limit === 1 ? "it is" : "all are"} taken. Upgrade your plan for more seats.`,
    );
  }
}

/**
 * Refuses a new invitation (members and pending invitations count) or a new member (members count;
 * the invitation being accepted already held its seat). Call under the team lock.
 */
export async function assertSeatFree(tx: Tx, workspaceId: string, forInvite: boolean) {
  const { members, pending, limit, planName } = await seatUsage(workspaceId, tx);
  if (limit === null) return;
  const taken = members + (forInvite ? pending : 0);
  if (taken >= limit) throw new SeatsFullError(limit, planName);
}
