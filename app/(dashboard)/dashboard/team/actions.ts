"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { emailSchema } from "@/lib/auth/accounts";
import { userAction } from "@/lib/auth/action";
import { setCurrentWorkspace } from "@/lib/auth/session";
import { spendCapInput } from "@/lib/catalog/credits-input";
import { formatCredits } from "@/lib/catalog/money";
import { createInvite, INVITABLE_ROLES, resendInvite, revokeInvite } from "@/lib/teams/invites";
import {
  changeMemberRole,
  createTeam,
  leaveTeam,
  removeMember,
  renameWorkspace,
  setMemberSpendCap,
  transferOwnership,
} from "@/lib/teams/members";
import type { MemberRole } from "@/lib/db";
import { assertCan, MEMBER_ROLES, ROLE_PHRASE } from "@/lib/workspaces/permissions";

// The team page's actions: each checks the permission table, then hands plain inputs to lib/teams,
// which checks again under the team lock (the role may have changed since the page loaded).

// Layout paths name the route group: the switcher in the layout lists the user's workspaces.
const refresh = () => revalidatePath("/(dashboard)", "layout");

const teamName = z
  .string()
  .trim()
  .min(1, "Enter a name for the team.")
  .max(100, "Use at most 100 characters.");
const memberId = z.object({ membershipId: z.string().min(1) });
const idSchema = z.object({ id: z.string().min(1) });
const who = (m: { name: string | null; email: string }) => m.name ?? m.email;

type Caller = { user: { id: string; email: string }; workspace: { id: string }; role: MemberRole };
/** Who acts, on which team, in which role: what every lib/teams change is handed. */
const by = ({ user, workspace, role }: Caller) => ({
  actor: { id: user.id, email: user.email },
  workspaceId: workspace.id,
  role,
});

export const createTeamAction = userAction(z.object({ name: teamName }), async ({ name }, { user }) => {
  const team = await createTeam({ id: user.id, email: user.email }, name);
  await setCurrentWorkspace(team.id);
  refresh();
  redirect("/dashboard/team?created=1");
});

export const renameTeamAction = userAction(z.object({ name: teamName }), async ({ name }, ctx) => {
  assertCan(ctx.role, "workspace.settings");
  const renamed = await renameWorkspace(by(ctx), name);
  refresh();
  return { ok: true, message: `Team renamed to ${renamed.name}.` };
});

const inviteSchema = z.object({ email: emailSchema, role: z.enum(INVITABLE_ROLES, "Choose a role.") });

export const inviteMemberAction = userAction(inviteSchema, async ({ email, role: invitedRole }, ctx) => {
  assertCan(ctx.role, "members.invite");
  await createInvite(by(ctx), { email, role: invitedRole });
  revalidatePath("/dashboard/team");
  return { ok: true, message: `Invitation sent to ${email}.` };
});

export const resendInviteAction = userAction(idSchema, async ({ id }, ctx) => {
  assertCan(ctx.role, "members.invite");
  const { invite } = await resendInvite(by(ctx), id);
  revalidatePath("/dashboard/team");
  return { ok: true, message: `Invitation sent again to ${invite.email}. The earlier link no longer works.` };
});

export const revokeInviteAction = userAction(idSchema, async ({ id }, ctx) => {
  assertCan(ctx.role, "members.invite");
  const invite = await revokeInvite(by(ctx), id);
  revalidatePath("/dashboard/team");
  return { ok: true, message: `Invitation for ${invite.email} revoked.` };
});

export const changeRoleAction = userAction(
  memberId.extend({ role: z.enum(MEMBER_ROLES, "Choose a role.") }),
  async (input, ctx) => {
    assertCan(ctx.role, "members.manage");
    const updated = await changeMemberRole(by(ctx), input.membershipId, input.role);
    refresh();
    return { ok: true, message: `${who(updated.user)} is now ${ROLE_PHRASE[updated.role]}.` };
  },
);

const capSchema = memberId.extend({
  cap: spendCapInput("Enter credits with up to 3 decimals, like 2500 or 12.5.", { allowZero: true }),
});

export const setCapAction = userAction(capSchema, async ({ membershipId, cap }, ctx) => {
  assertCan(ctx.role, "members.manage");
  const updated = await setMemberSpendCap(by(ctx), membershipId, cap);
  revalidatePath("/dashboard/team");
  return {
    ok: true,
    message:
      cap === null
        ? `${who(updated.user)} has no spend cap.`
        : `${who(updated.user)} may spend ${formatCredits(cap)} credits a month.`,
  };
});

export const removeMemberAction = userAction(memberId, async ({ membershipId }, ctx) => {
  assertCan(ctx.role, "members.manage");
  const removed = await removeMember(by(ctx), membershipId);
  refresh();
  const keys = removed.revokedKeys
    ? ` ${removed.revokedKeys} API key${removed.revokedKeys === 1 ? "" : "s"} they created ${removed.revokedKeys === 1 ? "was" : "were"} revoked.`
    : "";
  return { ok: true, message: `${who(removed)} was removed from the team.${keys}` };
});

export const leaveTeamAction = userAction(z.object({}), async (_input, { user, workspace }) => {
  await leaveTeam({ id: user.id, email: user.email }, workspace.id);
  refresh();
  redirect("/dashboard");
});

export const transferOwnershipAction = userAction(memberId, async ({ membershipId }, ctx) => {
  assertCan(ctx.role, "ownership.transfer");
  const to = await transferOwnership(by(ctx), membershipId);
  refresh();
  return { ok: true, message: `${who(to)} now owns the team. You are an admin.` };
});
