import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { grantIncludedCredits } from "@/lib/billing/included-credits";
import { db, type MemberRole, type Tx } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { assertCan, type Permission } from "@/lib/workspaces/permissions";
import { slugify } from "@/lib/workspaces/workspaces";
import { TeamRuleError } from "./errors";

// A team's members: create, roles, caps, removal, leaving and ownership. Every change runs under
// the team's advisory lock (so two owners cannot both step down and leave it ownerless), re-reads
// the actor's role inside that transaction, and is audited in it.

export type TeamActor = { id: string; email: string };
/** Who acts, where, and the role the request loaded for them. */
export type ActingMember = { actor: TeamActor; workspaceId: string; role: MemberRole };

/** Serialises membership changes of one workspace until the transaction ends. */
export async function lockTeam(tx: Tx, workspaceId: string) {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`team:${workspaceId}`}, 0))`;
}

/** The actor's role as it stands now, under the lock; refuses anyone who lost the permission meanwhile. */
export async function actingRole(tx: Tx, by: ActingMember, permission: Permission) {
  const m = await tx.membership.findUnique({
    where: { userId_workspaceId: { userId: by.actor.id, workspaceId: by.workspaceId } },
    select: { role: true },
  });
  if (!m) throw new ForbiddenError("You are not a member of this workspace.");
  assertCan(m.role, permission);
  return m.role;
}

async function teamWorkspace(tx: Tx, workspaceId: string) {
  const workspace = await tx.workspace.findUnique({ where: { id: workspaceId } });
  if (!workspace) throw new NotFoundError("Workspace");
  if (workspace.personal)
    throw new TeamRuleError("A personal workspace has only you in it. Create a team to work with others.");
  return workspace;
}

async function targetMembership(tx: Tx, workspaceId: string, membershipId: string) {
  const m = await tx.membership.findFirst({
    where: { id: membershipId, workspaceId },
    include: { user: { select: { email: true, name: true } } },
  });
  if (!m) throw new NotFoundError("Member");
  return m;
}

const ownerCount = (tx: Tx, workspaceId: string) =>
  tx.membership.count({ where: { workspaceId, role: "owner" } });

/** A member who leaves or is removed can no longer spend the team's credits through their keys. */
async function revokeKeysOf(tx: Tx, workspaceId: string, userId: string) {
  const { count } = await tx.apiKey.updateMany({
    where: { workspaceId, createdById: userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}

type Target = Awaited<ReturnType<typeof targetMembership>>;

/**
 * One change to another member of a team: checks the permission, then under the team's lock
 * re-reads the actor's role, checks the workspace is a team and finds the member in it. Only an
 * owner may touch an owner: `ownerOnly` is the refusal when the target is one.
 */
async function changeMember<T>(
  by: ActingMember,
  membershipId: string,
  permission: Permission,
  ownerOnly: string | null,
  change: (tx: Tx, target: Target, actorRole: MemberRole) => Promise<T>,
) {
  assertCan(by.role, permission);
  return db.$transaction(async (tx) => {
    await lockTeam(tx, by.workspaceId);
    const actorRole = await actingRole(tx, by, permission);
    await teamWorkspace(tx, by.workspaceId);
    const target = await targetMembership(tx, by.workspaceId, membershipId);
    if (ownerOnly && actorRole !== "owner" && target.role === "owner") throw new ForbiddenError(ownerOnly);
    return change(tx, target, actorRole);
  });
}

/** A new team workspace with the creator as its owner, on the free plan with its included credits. Anyone signed in may create one. */
export async function createTeam(actor: TeamActor, name: string) {
  return db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: {
        name,
        slug: slugify(name, "team"),
        personal: false,
        memberships: { create: { userId: actor.id, role: "owner" } },
      },
    });
    await recordAudit(tx, {
      actor,
      action: "team.create",
      targetType: "workspace",
      targetId: workspace.id,
      after: { name, personal: false },
    });
    await grantIncludedCredits(tx, workspace.id);
    return workspace;
  });
}

export async function renameWorkspace(by: ActingMember, name: string) {
  assertCan(by.role, "workspace.settings");
  return db.$transaction(async (tx) => {
    await lockTeam(tx, by.workspaceId);
    await actingRole(tx, by, "workspace.settings");
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: by.workspaceId },
      select: { name: true },
    });
    const after = await tx.workspace.update({
      where: { id: by.workspaceId },
      data: { name },
      select: { name: true },
    });
    await recordAudit(tx, {
      actor: by.actor,
      action: "workspace.rename",
      targetType: "workspace",
      targetId: by.workspaceId,
      before,
      after,
    });
    return after;
  });
}

type MemberChange = { role: MemberRole } | { monthlySpendCapMillicredits: bigint | null };

/** Writes one change to a member and audits it: the member's email and what the change replaced, then the change. */
async function updateMember<C extends MemberChange>(
  tx: Tx,
  by: ActingMember,
  target: Target,
  action: string,
  change: C,
  replaced: { [K in keyof C]: C[K] },
) {
  const updated = await tx.membership.update({
    where: { id: target.id },
    data: change,
    include: { user: { select: { email: true, name: true } } },
  });
  const before = { email: target.user.email, ...replaced };
  await recordAudit(tx, {
    actor: by.actor,
    action,
    targetType: "membership",
    targetId: target.id,
    before,
    after: change,
  });
  return updated;
}

/** Changes a member's role. Only an owner may touch an owner or make someone owner; a team always keeps one owner. */
export async function changeMemberRole(by: ActingMember, membershipId: string, role: MemberRole) {
  const refusal = "Only an owner can change an owner's role.";
  return changeMember(by, membershipId, "members.manage", refusal, async (tx, target, actorRole) => {
    if (actorRole !== "owner" && role === "owner")
      throw new ForbiddenError("Only an owner can make someone an owner.");
    if (target.role === role) return target;
    if (target.role === "owner" && (await ownerCount(tx, by.workspaceId)) === 1) {
      throw new TeamRuleError("A team needs an owner. Transfer ownership before changing this role.");
    }
    return updateMember(tx, by, target, "member.role", { role }, { role: target.role });
  });
}

/** Sets (or clears, with null) what a member's calls may spend per UTC month; metering enforces it. */
export async function setMemberSpendCap(
  by: ActingMember,
  membershipId: string,
  capMillicredits: bigint | null,
) {
  if (capMillicredits !== null && capMillicredits < 0n)
    throw new TeamRuleError("A spend cap cannot be negative.");
  const refusal = "Only an owner can set an owner's spend cap.";
  return changeMember(by, membershipId, "members.manage", refusal, async (tx, target) => {
    const before = { monthlySpendCapMillicredits: target.monthlySpendCapMillicredits };
    return updateMember(
      tx,
      by,
      target,
      "member.cap",
      { monthlySpendCapMillicredits: capMillicredits },
      before,
    );
  });
}

/** Removes another member (yourself: leaveTeam). Their API keys are revoked in the same transaction. */
export async function removeMember(by: ActingMember, membershipId: string) {
  const refusal = "Only an owner can remove an owner.";
  return changeMember(by, membershipId, "members.manage", refusal, async (tx, target) => {
    if (target.userId === by.actor.id) throw new TeamRuleError("To remove yourself, use “Leave team”.");
    await tx.membership.delete({ where: { id: target.id } });
    const revokedKeys = await revokeKeysOf(tx, by.workspaceId, target.userId);
    await recordAudit(tx, {
      actor: by.actor,
      action: "member.remove",
      targetType: "membership",
      targetId: target.id,
      before: { email: target.user.email, role: target.role },
      after: { revokedKeys },
    });
    return { email: target.user.email, name: target.user.name, revokedKeys };
  });
}

/** Leaves a team. The only owner must hand the team to someone first. */
export async function leaveTeam(actor: TeamActor, workspaceId: string) {
  return db.$transaction(async (tx) => {
    await lockTeam(tx, workspaceId);
    const workspace = await teamWorkspace(tx, workspaceId);
    const mine = await tx.membership.findUnique({
      where: { userId_workspaceId: { userId: actor.id, workspaceId } },
    });
    if (!mine) throw new ForbiddenError("You are not a member of this workspace.");
    if (mine.role === "owner" && (await ownerCount(tx, workspaceId)) === 1) {
      throw new TeamRuleError(
        "You're the only owner. Transfer ownership to another member before you leave.",
      );
    }
    await tx.membership.delete({ where: { id: mine.id } });
    const revokedKeys = await revokeKeysOf(tx, workspaceId, actor.id);
    await recordAudit(tx, {
      actor,
      action: "member.leave",
      targetType: "membership",
      targetId: mine.id,
      before: { workspaceId, role: mine.role },
      after: { revokedKeys },
    });
    return { workspace, revokedKeys };
  });
}

/** Hands the team to another member: they become owner, the previous owner becomes admin. */
export async function transferOwnership(by: ActingMember, membershipId: string) {
  return changeMember(by, membershipId, "ownership.transfer", null, async (tx, target) => {
    if (target.userId === by.actor.id)
      throw new TeamRuleError("You already own this team. Choose another member.");
    await tx.membership.update({ where: { id: target.id }, data: { role: "owner" } });
    const mine = await tx.membership.update({
      where: { userId_workspaceId: { userId: by.actor.id, workspaceId: by.workspaceId } },
      data: { role: "admin" },
    });
    await recordAudit(tx, {
      actor: by.actor,
      action: "ownership.transfer",
      targetType: "workspace",
      targetId: by.workspaceId,
      before: { owner: by.actor.email, newOwnerRole: target.role },
      after: { owner: target.user.email, previousOwner: { membershipId: mine.id, role: "admin" } },
    });
    return { email: target.user.email, name: target.user.name };
  });
}
