// POST /api/email/unsubscribe?token=… — RFC 8058 one-click unsubscribe from a mail client
import { emailCategories, unsubscribeWithToken } from "@/lib/notifications/preferences";

export const dynamic = "force-dynamic";

// Mail clients post `List-Unsubscribe=One-Click` with no cookies, so the signed token is the only
// authorization: no session, no CSRF token. The body carries nothing we need, so it is not checked.
export async function POST(req: Request) {
  const token = new URL(req.url).searchParams.get("token");
  const claim = token ? await unsubscribeWithToken(token) : null;
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (!claim) return new Response("This unsubscribe link is not valid.\n", { status: 400, headers });
  return new Response(`You're unsubscribed from ${emailCategories[claim.category].label}.\n`, {
    status: 200,
    headers,
  });
}
