import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { resolveWorkspace } from "@/lib/workspaces/workspaces";
import { authOptions } from "./options";

export const WORKSPACE_COOKIE = "tg_workspace";

/** Makes a workspace the one the dashboard acts on. Callers check membership first. */
export async function setCurrentWorkspace(workspaceId: string) {
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    secure: env.APP_URL.startsWith("https://"),
  });
}

/** The signed-in user, read fresh from the database (so role changes apply at once), or null. */
export const getCurrentUser = cache(async () => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return db.user.findUnique({ where: { id: session.user.id } });
});

export async function requireUser(returnTo = "/dashboard") {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Admin pages: signed-out visitors go to sign-in; signed-in non-admins get the 403 page. */
export async function requireAdmin() {
  const user = await requireUser("/admin");
  if (user.role !== "admin") forbidden();
  return user;
}

/** The user, the workspace they act on, and their role in it. */
export const getDashboardContext = cache(async () => {
  const user = await requireUser();
  const preferred = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const { current, all } = await resolveWorkspace(user.id, preferred);
  return { user, workspace: current, role: current.role, workspaces: all };
});
