// Runs before any route renders.
// - The admin console is refused to signed-out visitors here, so not a byte of it is rendered or
//   streamed for them. This is the first gate, not the boundary: every admin page, route and action
//   still checks the admin role itself (requireAdmin / adminAction).
// - A server action posted from another origin is refused with 403 (Next itself would answer 500).
// - A URL no route could mean (`%ff` in the path, NUL anywhere) is refused with 400 (lib/http/url-hygiene).
// - While a price experiment runs, public pages assign the visitor a variant and / and /pricing
//   are rewritten to that variant's static copy (lib/experiments/proxy).
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/redirect-path";
import { env } from "@/lib/env";
import { isVariantCopy, routeExperiment } from "@/lib/experiments/proxy";
import { warnIfHostDisagrees } from "@/lib/http/host-check";
import { urlProblem } from "@/lib/http/url-hygiene";

const refuse = (status: number) =>
  new NextResponse(null, { status, headers: { "Cache-Control": "no-store" } });

/** Same check as Next's own (Origin's host against the forwarded host or Host), answered as a 403. */
function isCrossOriginAction(req: NextRequest) {
  const origin = req.headers.get("origin");
  if (!origin) return false; // browsers always send it on POST; Next decides the rest
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (sandboxed frames) or garbage
  }
}

function badUrl(req: NextRequest, message: string) {
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (req.nextUrl.pathname.startsWith("/api/"))
    return Response.json({ error: { code: "invalid_request", message } }, { status: 400, headers });
  return new NextResponse(`400 Bad request: ${message}`, {
    status: 400,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
  });
}

export async function proxy(req: NextRequest) {
  // The raw URL: nextUrl has already decoded what it could.
  const raw = new URL(req.url);
  const problem = urlProblem(raw.pathname, raw.search);
  if (problem) return badUrl(req, problem);
  warnIfHostDisagrees(req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  const isAction = req.headers.has("next-action");
  if (isAction && isCrossOriginAction(req)) return refuse(403);
  const path = req.nextUrl.pathname;
  if (path === "/admin" || path.startsWith("/admin/")) {
    const token = await getToken({ req, secret: env.AUTH_SECRET }).catch(() => null);
    if (!token) {
      // A server action posted to an admin page: refuse it outright (a redirect would re-post it).
      if (isAction) return refuse(403);
      const signIn = new URL("/sign-in", req.url);
      signIn.searchParams.set("callbackUrl", path + req.nextUrl.search);
      return NextResponse.redirect(signIn, { headers: { "Cache-Control": "no-store" } });
    }
  }
  // API routes answer 401 rather than redirect to sign-in: they pass through untouched.
  if (path.startsWith("/api/")) return NextResponse.next();
  // The path asked for, so a page that sends a signed-out visitor to sign-in can come back to it.
  if (isVariantCopy(path))
    return NextResponse.redirect(new URL(path.startsWith("/pricing") ? "/pricing" : "/", req.url));
  const headers = new Headers(req.headers);
  headers.set(REQUEST_PATH_HEADER, path + req.nextUrl.search);
  return (await routeExperiment(req, headers)) ?? NextResponse.next({ request: { headers } });
}

// Everything but static files and the metering hot path (whose handlers take no path parameters
// and validate their own input at the API edge).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|api/v1/usage(?:/batch)?$).*)"],
};
