import { describe, expect, it } from "vitest";
import { db, type MemberRole } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { createApiKey } from "@/lib/metering/api-keys";
import { utcMonth } from "@/lib/metering/time";
import { setManualSubscription } from "@/lib/workspaces/administration";
import { createTeamWith, createUser, uniqueEmail } from "@/test/factories";
import { InvalidInviteError, TeamRuleError } from "./errors";
import {
  acceptInvite,
  createInvite,
  declineInvite,
  describeInvite,
  inviteUrl,
  resendInvite,
  revokeInvite,
} from "./invites";
import {
  changeMemberRole,
  createTeam,
  leaveTeam,
  removeMember,
  setMemberSpendCap,
  transferOwnership,
} from "./members";
import { listMembers, memberUsage } from "./roster";
import { seatUsage } from "./seats";

type Team = Awaited<ReturnType<typeof createTeamWith>>;
const by = (team: Team, role: MemberRole) => {
  const { user } = team.byRole(role);
  return { actor: { id: user.id, email: user.email }, workspaceId: team.workspace.id, role };
};
const person = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });

/** An invitation for a fresh address, and the user who signs up with it (unverified, as after sign-up). */
async function invited(team: Team, role: "member" | "admin" | "billing" = "member") {
  const invitee = await createUser();
  const { invite, token } = await createInvite(by(team, "owner"), {
    email: invitee.email.toUpperCase(),
    role,
  });
  return { invitee, invite, token };
}
const membership = (userId: string, workspaceId: string) =>
  db.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } } });
const audits = (action: string, targetId: string) => db.auditLog.count({ where: { action, targetId } });

describe("team invitations", () => {
  it("queues the team-invite email with its link in the transaction, and accepting joins with the invited role", async () => {
    const team = await createTeamWith([]);
    const { invitee, invite, token } = await invited(team, "billing");
    expect(invite.email).toBe(invitee.email);
    const [email] = await db.emailOutbox.findMany({ where: { to: invitee.email, template: "team-invite" } });
    expect(email.subject).toBeTruthy();
    expect(email.text).toContain(inviteUrl(token));
    expect(email.text).toContain(team.workspace.name);
    expect(await db.teamInvite.findUniqueOrThrow({ where: { id: invite.id } })).not.toHaveProperty("token");
    expect(await audits("member.invite", invite.id)).toBe(1);

    expect(await describeInvite(token)).toMatchObject({
      workspaceName: team.workspace.name,
      role: "billing",
      problem: null,
    });
    const joined = await acceptInvite(person(invitee), token);
    expect(joined.workspace.id).toBe(team.workspace.id);
    expect((await membership(invitee.id, team.workspace.id))?.role).toBe("billing");
    // The link came to that inbox, so it also confirms the address.
    expect((await db.user.findUniqueOrThrow({ where: { id: invitee.id } })).emailVerifiedAt).not.toBeNull();
    expect(await audits("member.join", invite.id)).toBe(1);
    expect((await describeInvite(token))?.problem).toBe("accepted");
  });

  it("makes one membership when accepted twice or all at once", async () => {
    const team = await createTeamWith([]);
    const { invitee, token } = await invited(team);
    const results = await Promise.all(Array.from({ length: 5 }, () => acceptInvite(person(invitee), token)));
    expect(results.every((r) => r.workspace.id === team.workspace.id)).toBe(true);
    await acceptInvite(person(invitee), token);
    expect(await db.membership.count({ where: { userId: invitee.id, workspaceId: team.workspace.id } })).toBe(
      1,
    );
    expect(await db.auditLog.count({ where: { action: "member.join", actorId: invitee.id } })).toBe(1);
  });

  it("declining closes the invitation without a membership", async () => {
    const team = await createTeamWith([]);
    const { invitee, invite, token } = await invited(team);
    await declineInvite(person(invitee), token);
    expect((await db.teamInvite.findUniqueOrThrow({ where: { id: invite.id } })).status).toBe("declined");
    await expect(acceptInvite(person(invitee), token)).rejects.toMatchObject({ problem: "declined" });
    expect(await membership(invitee.id, team.workspace.id)).toBeNull();
    expect(await audits("member.decline", invite.id)).toBe(1);
  });

  it("refuses revoked, expired, unknown and someone else's links", async () => {
    const team = await createTeamWith([]);
    const revoked = await invited(team);
    await revokeInvite(by(team, "owner"), revoked.invite.id);
    await expect(acceptInvite(person(revoked.invitee), revoked.token)).rejects.toMatchObject({
      problem: "revoked",
    });
    expect(await audits("member.invite_revoke", revoked.invite.id)).toBe(1);

    const expired = await invited(team);
    await db.teamInvite.update({
      where: { id: expired.invite.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(acceptInvite(person(expired.invitee), expired.token)).rejects.toMatchObject({
      problem: "expired",
    });
    expect((await describeInvite(expired.token))?.problem).toBe("expired");

    await expect(acceptInvite(person(expired.invitee), "not-a-real-token")).rejects.toBeInstanceOf(
      InvalidInviteError,
    );
    expect(await describeInvite("not-a-real-token")).toBeNull();

    const other = await invited(team);
    const stranger = await createUser({ verified: true });
    await expect(acceptInvite(person(stranger), other.token)).rejects.toMatchObject({
      problem: "wrong_email",
    });
    await expect(declineInvite(person(stranger), other.token)).rejects.toMatchObject({
      problem: "wrong_email",
    });
    expect(await membership(stranger.id, team.workspace.id)).toBeNull();
    expect((await db.teamInvite.findUniqueOrThrow({ where: { id: other.invite.id } })).status).toBe(
      "pending",
    );
  });

  it("resending mails a new link and a new week; the old link stops working", async () => {
    const team = await createTeamWith([]);
    const { invitee, invite, token } = await invited(team);
    const resent = await resendInvite(by(team, "owner"), invite.id);
    expect(resent.invite).toMatchObject({ sendCount: 2 });
    expect(resent.invite.expiresAt.getTime()).toBeGreaterThanOrEqual(invite.expiresAt.getTime());
    const emails = await db.emailOutbox.findMany({
      where: { to: invitee.email, template: "team-invite" },
      orderBy: { createdAt: "asc" },
    });
    expect(emails).toHaveLength(2);
    expect(emails[1].text).toContain(inviteUrl(resent.token));
    await expect(acceptInvite(person(invitee), token)).rejects.toMatchObject({ problem: "unknown" });
    await acceptInvite(person(invitee), resent.token);
    expect((await membership(invitee.id, team.workspace.id))?.role).toBe("member");
    expect(await audits("member.invite_resend", invite.id)).toBe(1);
  });

  it("refuses inviting a member, a pending address, or into a personal workspace, with readable messages", async () => {
    const team = await createTeamWith(["member"]);
    const member = team.byRole("member").user;
    await expect(createInvite(by(team, "owner"), { email: member.email, role: "admin" })).rejects.toThrow(
      `${member.email} is already a member of ${team.workspace.name}.`,
    );
    const email = uniqueEmail("twice");
    await createInvite(by(team, "owner"), { email, role: "member" });
    await expect(createInvite(by(team, "owner"), { email, role: "member" })).rejects.toThrow(
      `${email} already has a pending invitation.`,
    );
    expect(await db.teamInvite.count({ where: { workspaceId: team.workspace.id, email } })).toBe(1);

    const solo = await createUser({ verified: true });
    const personal = await db.membership.findFirstOrThrow({ where: { userId: solo.id } });
    await expect(
      createInvite(
        { actor: person(solo), workspaceId: personal.workspaceId, role: "owner" },
        { email: uniqueEmail(), role: "member" },
      ),
    ).rejects.toBeInstanceOf(TeamRuleError);
  });
});

describe("team seats", () => {
  it("a Free team has the owner's one seat: an invitation is refused with the way to more seats", async () => {
    const team = await createTeamWith([], "free");
    await expect(
      createInvite(by(team, "owner"), { email: uniqueEmail("second"), role: "member" }),
    ).rejects.toThrow("Your Free plan includes 1 seat, and it is taken. Upgrade your plan for more seats.");
    expect(await seatUsage(team.workspace.id)).toMatchObject({ members: 1, pending: 0, limit: 1 });
  });

  it("pending invitations hold seats; accepting is refused once the plan has shrunk under them", async () => {
    const team = await createTeamWith(["member"], "starter"); // 3 seats: owner, member, one more
    const { invitee, token } = await invited(team);
    expect(await seatUsage(team.workspace.id)).toMatchObject({ members: 2, pending: 1, limit: 3 });
    await expect(
      createInvite(by(team, "owner"), { email: uniqueEmail("fourth"), role: "member" }),
    ).rejects.toThrow("Your Starter plan includes 3 seats, and all are taken.");
    // Back on Free (1 seat) before the invitation is answered: the link cannot add a member.
    await setManualSubscription(null, team.workspace.id, { tier: "free", interval: "month" });
    await expect(acceptInvite(person(invitee), token)).rejects.toThrow(/Your Free plan includes 1 seat/);
    expect(await membership(invitee.id, team.workspace.id)).toBeNull();
  });

  it("counts exactly the seats under concurrent invitations", async () => {
    const team = await createTeamWith([], "starter"); // 3 seats: the owner and two invitations
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        createInvite(by(team, "owner"), { email: uniqueEmail("race"), role: "member" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(await seatUsage(team.workspace.id)).toMatchObject({ members: 1, pending: 2, limit: 3 });
  });
});

describe("team members", () => {
  it("creates a team owned by its creator, audited", async () => {
    const u = await createUser({ verified: true });
    const team = await createTeam(person(u), "Acme AI");
    expect(team).toMatchObject({ name: "Acme AI", personal: false });
    expect((await membership(u.id, team.id))?.role).toBe("owner");
    expect(await audits("team.create", team.id)).toBe(1);
  });

  it("transfers ownership: the member becomes owner, the previous owner admin", async () => {
    const team = await createTeamWith(["member"]);
    const to = team.byRole("member");
    await transferOwnership(by(team, "owner"), to.membership.id);
    expect((await membership(to.user.id, team.workspace.id))?.role).toBe("owner");
    expect((await membership(team.owner.id, team.workspace.id))?.role).toBe("admin");
    expect(await audits("ownership.transfer", team.workspace.id)).toBe(1);
  });

  it("keeps the sole owner in: no leaving, no stepping down; after a transfer they may leave", async () => {
    const team = await createTeamWith(["member"]);
    await expect(leaveTeam(person(team.owner), team.workspace.id)).rejects.toThrow(
      "You're the only owner. Transfer ownership to another member before you leave.",
    );
    await expect(
      changeMemberRole(by(team, "owner"), team.byRole("owner").membership.id, "admin"),
    ).rejects.toBeInstanceOf(TeamRuleError);
    await transferOwnership(by(team, "owner"), team.byRole("member").membership.id);
    await leaveTeam(person(team.owner), team.workspace.id);
    expect(await membership(team.owner.id, team.workspace.id)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "member.leave", actorId: team.owner.id } })).toBe(1);
  });

  it("an admin cannot remove or demote the owner, nor make anyone owner", async () => {
    const team = await createTeamWith(["admin", "member"]);
    const owner = team.byRole("owner").membership;
    await expect(removeMember(by(team, "admin"), owner.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeMemberRole(by(team, "admin"), owner.id, "member")).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(setMemberSpendCap(by(team, "admin"), owner.id, 1n)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      changeMemberRole(by(team, "admin"), team.byRole("member").membership.id, "owner"),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.membership.findUniqueOrThrow({ where: { id: owner.id } })).role).toBe("owner");
    expect(
      (await db.membership.findUniqueOrThrow({ where: { id: team.byRole("member").membership.id } })).role,
    ).toBe("member");
  });

  it("removing a member revokes the API keys they created, audited", async () => {
    const team = await createTeamWith(["admin", "member"]);
    const m = team.byRole("member");
    const { record } = await createApiKey(person(m.user), team.workspace.id, { name: "theirs" });
    const removed = await removeMember(by(team, "admin"), m.membership.id);
    expect(removed.revokedKeys).toBe(1);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: record.id } })).revokedAt).not.toBeNull();
    expect(await membership(m.user.id, team.workspace.id)).toBeNull();
    expect(await audits("member.remove", m.membership.id)).toBe(1);
  });

  it("lists members with this month's spend and cap, and usage per member from their keys", async () => {
    const team = await createTeamWith(["member"]);
    const m = team.byRole("member");
    await setMemberSpendCap(by(team, "owner"), m.membership.id, 2_500_000n);
    await db.memberSpend.create({
      data: {
        workspaceId: team.workspace.id,
        userId: m.user.id,
        month: utcMonth(new Date()),
        millicredits: 1_200n,
      },
    });
    const rows = await listMembers(team.workspace.id);
    expect(rows.map((r) => r.role)).toEqual(["owner", "member"]);
    expect(rows[1]).toMatchObject({
      email: m.user.email,
      spentMillicredits: 1_200n,
      capMillicredits: 2_500_000n,
    });
    expect(await audits("member.cap", m.membership.id)).toBe(1);

    const model = await db.model.findFirstOrThrow({ select: { id: true, key: true } });
    const { record } = await createApiKey(person(m.user), team.workspace.id, { name: "m" });
    const event = {
      workspaceId: team.workspace.id,
      apiKeyId: record.id,
      modelId: model.id,
      modelKey: model.key,
      billedTo: "credits" as const,
      markupBps: 0,
      priceVersion: 1,
      providerCostMicros: 0n,
      quotaUnits: 0,
      balanceAfterMillicredits: 0n,
    };
    await db.usageEvent.createMany({
      data: [
        { ...event, chargedMillicredits: 700n },
        { ...event, chargedMillicredits: 500n },
      ],
    });
    expect(await memberUsage(team.workspace.id)).toEqual([
      { userId: m.user.id, email: m.user.email, name: m.user.name, calls: 2n, millicredits: 1_200n },
    ]);
  });
});
