import "server-only";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getSettings } from "@/lib/settings/settings";
import { env } from "@/lib/env";
import { can, type Permission } from "./admin-roles";
import { resolveWorkspace } from "@/lib/workspaces/workspaces";
import { authOptions } from "./options";
import { safeRedirectPath } from "./redirect";
import { REQUEST_PATH_HEADER } from "./redirect-path";
import { loadSession } from "./sessions";

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

/**
 * The signed-in user and the server-side session the cookie names, read fresh (one query) on every
 * request: null once the session was signed out, expired, or ended by a password change, a reset
 * or "sign out everywhere" (lib/auth/sessions.ts).
 */
export const getCurrentSession = cache(async () => {
  const session = await getServerSession(authOptions);
  if (!session?.sid || !session.user?.id) return null;
  const row = await loadSession(session.sid);
  if (!row || row.userId !== session.user.id) return null;
  return { sessionId: row.id, user: row.user };
});

/** The signed-in user, read fresh from the database (so role changes apply at once), or null. */
export const getCurrentUser = cache(async () => (await getCurrentSession())?.user ?? null);

/** The signed-in user; a visitor goes to sign-in and comes back to `returnTo` (by default, the page asked for). */
export async function requireUser(returnTo?: string) {
  const user = await getCurrentUser();
  if (!user) {
    const back = safeRedirectPath(returnTo ?? (await headers()).get(REQUEST_PATH_HEADER));
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  }
  return user;
}

/** Whether the "require two-factor for admins" setting keeps this admin out until they enrol. */
export async function adminNeedsTwoFactor(user: { role: string; totpEnabledAt: Date | null }) {
  return user.role === "admin" && !user.totpEnabledAt && (await getSettings()).requireAdminTwoFactor;
}

export const TWO_FACTOR_SETUP_PATH = "/dashboard/settings/security";

/**
 * Admin pages: signed-out visitors go to sign-in; signed-in non-admins, and admins whose role lacks
 * `permission` (default "read": any admin), get the 403 page; admins without two-factor go to
 * enrolment while the setting requires it.
 */
export async function requireAdmin(permission: Permission = "read") {
  const user = await requireUser("/admin");
  if (user.role !== "admin") forbidden();
  if (await adminNeedsTwoFactor(user)) redirect(`${TWO_FACTOR_SETUP_PATH}?required=admin`);
  if (!can(user.adminRole, permission)) forbidden();
  return user;
}

/** The user, the workspace they act on, and their role in it. */
export const getDashboardContext = cache(async () => {
  const user = await requireUser();
  const preferred = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const { current, all } = await resolveWorkspace(user.id, preferred);
  return { user, workspace: current, role: current.role, workspaces: all };
});
