import "server-only";
import { env } from "@/lib/env";

// Where a browser may be sent after signing in (or up, or out). Only a path on this site: one
// leading "/", no backslash or control character (browsers read "/\evil" and "/\t/evil" as
// "//evil", another host), not even once percent-decoded, and the URL it resolves to against
// APP_URL must keep APP_URL's origin. Anything else falls back.
const UNSAFE = /[\\\u0000-\u001f\u007f]/;

function decoded(value: string) {
  try {
    return decodeURIComponent(value);
  } catch {
    return null; // a malformed escape is not a path we wrote
  }
}

export function safeRedirectPath(raw: unknown, fallback = "/dashboard"): string {
  if (typeof raw !== "string" || raw.length > 2048) return fallback;
  const once = decoded(raw);
  if (once === null) return fallback;
  for (const candidate of [raw, once]) {
    if (!candidate.startsWith("/") || candidate.startsWith("//") || UNSAFE.test(candidate)) return fallback;
  }
  const base = new URL(env.APP_URL);
  const url = new URL(raw, base);
  if (url.origin !== base.origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Where someone lands after signing in when no link asked for a page: admins on the console's overview. */
export const homePath = (user: { role: string }) => (user.role === "admin" ? "/admin" : "/dashboard");

/** The sign-in form's target without a callbackUrl: it resolves to homePath once the session exists. */
export const SIGNED_IN_PATH = "/signed-in";

/** next-auth's redirect callback: also accepts an absolute URL on this origin (signOut sends one). */
export function safeRedirectUrl(raw: string, baseUrl: string) {
  let path: unknown = raw;
  if (!raw.startsWith("/")) {
    try {
      const url = new URL(raw);
      path = url.origin === new URL(env.APP_URL).origin ? `${url.pathname}${url.search}${url.hash}` : null;
    } catch {
      path = null;
    }
  }
  return `${baseUrl.replace(/\/$/, "")}${safeRedirectPath(path)}`;
}
