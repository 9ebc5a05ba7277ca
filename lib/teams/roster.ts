import "server-only";
import { db, type MemberRole } from "@/lib/db";
import { utcMonth } from "@/lib/metering/time";

// What the team page reads: members with this month's spend against their cap, pending
// invitations, and this month's calls and credits per member.

export type MemberRow = {
  membershipId: string;
  userId: string;
  email: string;
  name: string | null;
  role: MemberRole;
  joinedAt: Date;
  spentMillicredits: bigint;
  capMillicredits: bigint | null;
};

const ROLE_ORDER: Record<MemberRole, number> = { owner: 0, admin: 1, billing: 2, member: 3 };

export async function listMembers(workspaceId: string, now = new Date()): Promise<MemberRow[]> {
  const [memberships, spend] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId },
      include: { user: { select: { email: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.memberSpend.findMany({ where: { workspaceId, month: utcMonth(now) } }),
  ]);
  const spent = new Map(spend.map((s) => [s.userId, s.millicredits]));
  return memberships
    .map((m) => ({
      membershipId: m.id,
      userId: m.userId,
      email: m.user.email,
      name: m.user.name,
      role: m.role,
      joinedAt: m.createdAt,
      spentMillicredits: spent.get(m.userId) ?? 0n,
      capMillicredits: m.monthlySpendCapMillicredits,
    }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.joinedAt.getTime() - b.joinedAt.getTime());
}

export function listPendingInvites(workspaceId: string) {
  return db.teamInvite.findMany({
    where: { workspaceId, status: "pending" },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      sendCount: true,
      lastSentAt: true,
      createdAt: true,
    },
    orderBy: { createdAt: "desc" },
  });
}

export type MemberUsageRow = {
  userId: string | null;
  email: string | null;
  name: string | null;
  calls: bigint;
  millicredits: bigint;
};

/**
 * This UTC month's calls and charged credits per member: usage events attributed through the API
 * key's creator. Keys made outside the dashboard (management API) have no creator: userId null.
 */
export async function memberUsage(workspaceId: string, now = new Date()): Promise<MemberUsageRow[]> {
  const from = utcMonth(now);
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  return db.$queryRaw<MemberUsageRow[]>`
    select k."createdById" as "userId", u.email, u.name,
           count(*)::bigint as calls, coalesce(sum(e."chargedMillicredits"), 0)::bigint as millicredits
    from "UsageEvent" e
    join "ApiKey" k on k.id = e."apiKeyId"
    left join "User" u on u.id = k."createdById"
    where e."workspaceId" = ${workspaceId} and e."createdAt" >= ${from} and e."createdAt" < ${to}
    group by k."createdById", u.email, u.name
    order by millicredits desc, calls desc`;
}
