import "server-only";
import { adminNeedsTwoFactor, getCurrentUser } from "./session";

// Admin-only route handlers that a page fetches (exports): they answer with a status and a JSON
// error, never a redirect to sign-in, and they authorize themselves (not only the layout).

export const routeError = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

/** 401 without a session, 403 for anyone but an admin (with two-factor when required); null to go on. */
export async function refuseNonAdmin(doing: string): Promise<Response | null> {
  const user = await getCurrentUser();
  if (!user) return routeError(401, "unauthenticated", `Sign in to ${doing}.`);
  if (user.role !== "admin" || (await adminNeedsTwoFactor(user)))
    return routeError(403, "forbidden", `Only admins can ${doing}.`);
  return null;
}
