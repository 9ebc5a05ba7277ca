import { Tollgate } from "@tollgate/sdk";

// The admin key (tga_…) stays on your server; the browser gets a read-only token that expires.
const admin = new Tollgate({
  apiKey: process.env.TOLLGATE_ADMIN_API_KEY!,
  baseUrl: process.env.TOLLGATE_URL,
});

// Your app's own sign-in decides whose workspace this is.
declare function currentWorkspaceId(req: Request): Promise<string | null>;

export async function POST(req: Request) {
  const workspaceId = await currentWorkspaceId(req);
  if (!workspaceId) return Response.json({ error: "Sign in first." }, { status: 401 });
  const { token, expiresAt } = await admin.sessions.create(workspaceId, { ttlSeconds: 900 });
  return Response.json({ token, expiresAt });
}
