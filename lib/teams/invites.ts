import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import { hashToken } from "@/lib/auth/tokens";
import { db, type MemberRole, type TeamInvite, type Tx, type Workspace } from "@/lib/db";
import { deliverQueued, queueEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/utils/format";
import { assertCan } from "@/lib/workspaces/permissions";
import { InvalidInviteError, TeamRuleError } from "./errors";
import { actingRole, lockTeam, type ActingMember, type TeamActor } from "./members";
import { assertSeatFree } from "./seats";

// Invitations: a random token mailed as a link, only its SHA-256 stored (like auth tokens). The
// email is queued in the transaction that creates or renews the invite, so both exist or neither.

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const INVITABLE_ROLES = ["member", "admin", "billing"] as const satisfies readonly MemberRole[];
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export const inviteUrl = (token: string) => `${env.APP_URL}/invite?token=${encodeURIComponent(token)}`;
const newToken = () => randomBytes(32).toString("base64url");

/** Mails the invitation's link (queued in `tx`) and audits the sending; returns the outbox key. */
async function mailInvite(
  tx: Tx,
  {
    invite,
    workspace,
    inviter,
    token,
  }: { invite: TeamInvite; workspace: Workspace; inviter: TeamActor; token: string },
  audit: Pick<AuditEntry, "action" | "before" | "after">,
) {
  const { name } = await tx.user.findUniqueOrThrow({ where: { id: inviter.id }, select: { name: true } });
  const key = await queueEmail(
    {
      template: "team-invite",
      to: invite.email,
      props: {
        inviterName: name ?? inviter.email,
        workspace: workspace.name,
        role: invite.role,
        acceptUrl: inviteUrl(token),
        expiresOn: formatDate(invite.expiresAt),
      },
      idempotencyKey: `team-invite:${invite.id}:${invite.sendCount}`,
    },
    tx,
  );
  await recordAudit(tx, { actor: inviter, targetType: "team_invite", targetId: invite.id, ...audit });
  return key;
}

async function teamFor(tx: Tx, workspaceId: string) {
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  if (workspace.personal)
    throw new TeamRuleError("A personal workspace has only you in it. Create a team to invite people.");
  return workspace;
}

/** Invites an email address to the team. Refuses current members and addresses already invited. */
export async function createInvite(by: ActingMember, input: { email: string; role: InvitableRole }) {
  assertCan(by.role, "members.invite");
  const email = input.email.trim().toLowerCase();
  const token = newToken();
  const { invite, emailKey } = await db.$transaction(async (tx) => {
    await lockTeam(tx, by.workspaceId);
    await actingRole(tx, by, "members.invite");
    const workspace = await teamFor(tx, by.workspaceId);
    if (await tx.membership.findFirst({ where: { workspaceId: workspace.id, user: { email } } })) {
      throw new TeamRuleError(`${email} is already a member of ${workspace.name}.`);
    }
    const now = new Date();
    if (
      await tx.teamInvite.findFirst({
        where: { workspaceId: workspace.id, email, status: "pending", expiresAt: { gt: now } },
      })
    ) {
      throw new TeamRuleError(
        `${email} already has a pending invitation. Resend it from the list of invitations.`,
      );
    }
    await assertSeatFree(tx, workspace.id, true);
    // An expired invitation for the same address is replaced, so only one can ever be pending.
    await tx.teamInvite.updateMany({
      where: { workspaceId: workspace.id, email, status: "pending" },
      data: { status: "revoked", respondedAt: now },
    });
    const invite = await tx.teamInvite.create({
      data: {
        workspaceId: workspace.id,
        email,
        role: input.role,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS),
        invitedById: by.actor.id,
      },
    });
    const emailKey = await mailInvite(
      tx,
      { invite, workspace, inviter: by.actor, token },
      {
        action: "member.invite",
        after: { workspaceId: workspace.id, email, role: input.role, expiresAt: invite.expiresAt },
      },
    );
    return { invite, emailKey };
  });
  await deliverQueued(emailKey);
  return { invite, token };
}

async function pendingInvite(tx: Tx, workspaceId: string, inviteId: string) {
  const invite = await tx.teamInvite.findFirst({ where: { id: inviteId, workspaceId } });
  if (!invite) throw new NotFoundError("Invitation");
  if (invite.status !== "pending") throw new TeamRuleError(`This invitation was already ${invite.status}.`);
  return invite;
}

/** Sends the invitation again with a new link and a new week; the old link stops working. */
export async function resendInvite(by: ActingMember, inviteId: string) {
  assertCan(by.role, "members.invite");
  const token = newToken();
  const { invite, emailKey } = await db.$transaction(async (tx) => {
    await lockTeam(tx, by.workspaceId);
    await actingRole(tx, by, "members.invite");
    const workspace = await teamFor(tx, by.workspaceId);
    const before = await pendingInvite(tx, workspace.id, inviteId);
    const now = new Date();
    const invite = await tx.teamInvite.update({
      where: { id: before.id },
      data: {
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS),
        sendCount: { increment: 1 },
        lastSentAt: now,
      },
    });
    const emailKey = await mailInvite(
      tx,
      { invite, workspace, inviter: by.actor, token },
      {
        action: "member.invite_resend",
        before: { expiresAt: before.expiresAt, sendCount: before.sendCount },
        after: { expiresAt: invite.expiresAt, sendCount: invite.sendCount },
      },
    );
    return { invite, emailKey };
  });
  await deliverQueued(emailKey);
  return { invite, token };
}

export async function revokeInvite(by: ActingMember, inviteId: string) {
  assertCan(by.role, "members.invite");
  return db.$transaction(async (tx) => {
    await lockTeam(tx, by.workspaceId);
    await actingRole(tx, by, "members.invite");
    const before = await pendingInvite(tx, by.workspaceId, inviteId);
    const invite = await tx.teamInvite.update({
      where: { id: before.id },
      data: { status: "revoked", respondedAt: new Date() },
    });
    await recordAudit(tx, {
      actor: by.actor,
      action: "member.invite_revoke",
      targetType: "team_invite",
      targetId: invite.id,
      before: { email: before.email, status: "pending" },
      after: { status: "revoked" },
    });
    return invite;
  });
}

export type InviteView = {
  email: string;
  role: MemberRole;
  workspaceName: string;
  expiresAt: Date;
  problem: InvalidInviteError["problem"] | null;
};

/** What the invitation link shows. Read-only: following the link changes nothing. */
export async function describeInvite(rawToken: string): Promise<InviteView | null> {
  const invite = await db.teamInvite.findUnique({
    where: { tokenHash: hashToken(rawToken) },
    include: { workspace: { select: { name: true } } },
  });
  if (!invite) return null;
  const problem =
    invite.status !== "pending" ? invite.status : invite.expiresAt <= new Date() ? "expired" : null;
  return {
    email: invite.email,
    role: invite.role,
    workspaceName: invite.workspace.name,
    expiresAt: invite.expiresAt,
    problem,
  };
}

type Responder = { id: string; email: string };

/** Finds the invite, takes the team lock, then reads it again so concurrent answers see each other. */
async function lockedInvite(tx: Tx, rawToken: string) {
  const found = await tx.teamInvite.findUnique({
    where: { tokenHash: hashToken(rawToken) },
    select: { workspaceId: true },
  });
  if (!found) throw new InvalidInviteError("unknown");
  await lockTeam(tx, found.workspaceId);
  const invite = await tx.teamInvite.findUnique({
    where: { tokenHash: hashToken(rawToken) },
    include: { workspace: true },
  });
  if (!invite) throw new InvalidInviteError("unknown"); // renewed meanwhile: this link is the old one
  return invite;
}

function assertAnswerable(invite: TeamInvite, user: Responder) {
  if (invite.status !== "pending") throw new InvalidInviteError(invite.status);
  if (invite.expiresAt <= new Date()) throw new InvalidInviteError("expired");
  if (invite.email !== user.email.toLowerCase()) throw new InvalidInviteError("wrong_email");
}

/**
 * Joins the team with the invited role. Accepting again (or twice at once) is harmless: one
 * membership, and the second answer reports success. Following the mailed link proves the
 * address, so it also counts as email verification.
 */
export async function acceptInvite(user: Responder, rawToken: string) {
  return db.$transaction(async (tx) => {
    const invite = await lockedInvite(tx, rawToken);
    if (invite.status === "accepted" && invite.acceptedById === user.id)
      return { workspace: invite.workspace, role: invite.role, alreadyMember: true };
    assertAnswerable(invite, user);
    // The plan may have shrunk since the invitation was sent.
    await assertSeatFree(tx, invite.workspaceId, false);
    const now = new Date();
    await tx.teamInvite.update({
      where: { id: invite.id },
      data: { status: "accepted", acceptedById: user.id, respondedAt: now },
    });
    const joined = await tx.membership.createMany({
      data: [{ userId: user.id, workspaceId: invite.workspaceId, role: invite.role }],
      skipDuplicates: true,
    });
    await tx.user.updateMany({
      where: { id: user.id, emailVerifiedAt: null },
      data: { emailVerifiedAt: now },
    });
    await recordAudit(tx, {
      actor: user,
      action: "member.join",
      targetType: "team_invite",
      targetId: invite.id,
      after: { workspaceId: invite.workspaceId, role: invite.role, joined: joined.count === 1 },
    });
    return { workspace: invite.workspace, role: invite.role, alreadyMember: joined.count === 0 };
  });
}

export async function declineInvite(user: Responder, rawToken: string) {
  return db.$transaction(async (tx) => {
    const invite = await lockedInvite(tx, rawToken);
    assertAnswerable(invite, user);
    await tx.teamInvite.update({
      where: { id: invite.id },
      data: { status: "declined", respondedAt: new Date() },
    });
    await recordAudit(tx, {
      actor: user,
      action: "member.decline",
      targetType: "team_invite",
      targetId: invite.id,
      after: { workspaceId: invite.workspaceId, status: "declined" },
    });
    return { workspace: invite.workspace };
  });
}
