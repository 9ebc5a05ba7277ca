import "server-only";
import { randomBytes } from "node:crypto";
import { db, type MemberRole, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { grantIncludedCredits } from "@/lib/billing/included-credits";
import { ForbiddenError } from "@/lib/errors";
import { assertCan } from "./permissions";

/** A URL slug from a workspace's name, unique by a random suffix (`fallback` when nothing is left). */
export function slugify(name: string, fallback = "workspace") {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || fallback;
  return `${base}-${randomBytes(3).toString("hex")}`;
}

/**
 * The personal workspace every user gets at sign-up, with the user as its owner, on the free plan
 * with this month's included credits already in it.
 */
export async function createPersonalWorkspace(
  tx: Tx,
  user: { id: string; email: string; name: string | null },
) {
  const name = user.name ? `${user.name}'s workspace` : `${user.email.split("@")[0]}'s workspace`;
  const workspace = await tx.workspace.create({
    data: {
      name,
      slug: slugify(name),
      personal: true,
      memberships: { create: { userId: user.id, role: "owner" } },
    },
  });
  await grantIncludedCredits(tx, workspace.id);
  return workspace;
}

export async function listWorkspacesForUser(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { workspace: true },
    orderBy: [{ workspace: { personal: "desc" } }, { createdAt: "asc" }],
  });
  return memberships.map((m) => ({ ...m.workspace, role: m.role }));
}

/**
 * The workspace a request acts on: the one the user picked (cookie) if they are still a member,
 * else their first. Never trusts the id without checking membership.
 */
export async function resolveWorkspace(userId: string, preferredId: string | undefined) {
  const all = await listWorkspacesForUser(userId);
  const current = all.find((w) => w.id === preferredId) ?? all[0];
  if (!current) throw new ForbiddenError("You are not a member of any workspace.");
  return { current, all };
}

export async function requireMembership(userId: string, workspaceId: string, roles?: MemberRole[]) {
  const m = await db.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } } });
  if (!m || (roles && !roles.includes(m.role))) throw new ForbiddenError();
  return m;
}

/** Overage to credits: when a subscription's daily quota is used up, charge credits instead of refusing. */
export async function setOverage(
  actor: { id: string; email: string },
  workspaceId: string,
  enabled: boolean,
) {
  const { role } = await requireMembership(actor.id, workspaceId);
  assertCan(role, "billing.manage", "change overage");
  return db.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { overageEnabled: true },
    });
    const after = await tx.workspace.update({
      where: { id: workspaceId },
      data: { overageEnabled: enabled },
      select: { overageEnabled: true },
    });
    await recordAudit(tx, {
      actor,
      action: "workspace.overage",
      targetType: "workspace",
      targetId: workspaceId,
      before,
      after,
    });
    return after;
  });
}
