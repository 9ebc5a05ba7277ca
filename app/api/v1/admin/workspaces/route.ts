// POST /api/v1/admin/workspaces — create a workspace for an owner (management API)
import { methodNotAllowed } from "@/lib/http/methods";
import { parseBody } from "@/lib/http/body";
import { adminRoute } from "@/lib/management/http";
import { createManagedWorkspace, createWorkspaceSchema } from "@/lib/workspaces/administration";

export const POST = adminRoute(async (req, _params, actor) => ({
  status: 201,
  body: await createManagedWorkspace(actor, await parseBody(req, createWorkspaceSchema)),
}));

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
