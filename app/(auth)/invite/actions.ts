"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { getCurrentUser, setCurrentWorkspace } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import { acceptInvite, declineInvite } from "@/lib/teams/invites";

// Answering an invitation is a POST; opening the link (GET) only shows it.

const tokenSchema = z.object({ token: z.string().min(1).max(200) });

async function signedInUser() {
  const user = await getCurrentUser();
  if (!user) throw new ForbiddenError("Sign in to answer this invitation.");
  return { id: user.id, email: user.email };
}

export const acceptInviteAction = publicAction(tokenSchema, async ({ token }) => {
  const { workspace } = await acceptInvite(await signedInUser(), token);
  await setCurrentWorkspace(workspace.id);
  redirect("/dashboard/team?joined=1");
});

export const declineInviteAction = publicAction(tokenSchema, async ({ token }) => {
  const { workspace } = await declineInvite(await signedInUser(), token);
  return { ok: true, message: `You declined the invitation to ${workspace.name}.` };
});
