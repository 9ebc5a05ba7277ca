// Runs before any route renders. The admin console is refused to signed-out visitors here, so not a
// byte of it is rendered or streamed for them. This is the first gate, not the boundary: every admin
// page, route and action still checks the admin role itself (requireAdmin / adminAction).
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

export async function proxy(req: NextRequest) {
  const token = await getToken({ req, secret: env.AUTH_SECRET }).catch(() => null);
  if (!token) {
    // A server action posted to an admin page: refuse it outright (a redirect would re-post it).
    if (req.headers.has("next-action")) return new NextResponse(null, { status: 403, headers: { "Cache-Control": "no-store" } });
    const signIn = new URL("/sign-in", req.url);
    signIn.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(signIn, { headers: { "Cache-Control": "no-store" } });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/admin", "/admin/:path*"] };
