// POST /api/v1/admin/workspaces/{id}/sessions — mint a read-only customer session token (at most 1 hour)
import { methodNotAllowed } from "@/lib/http/methods";
import { parseBody } from "@/lib/http/body";
import { adminRoute } from "@/lib/management/http";
import { mintSessionToken, sessionRequestSchema } from "@/lib/metering/session-tokens";

export const POST = adminRoute<{ id: string }>(async (req, { id }) => ({
  status: 201,
  body: await mintSessionToken(id, await parseBody(req, sessionRequestSchema)),
}));

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
