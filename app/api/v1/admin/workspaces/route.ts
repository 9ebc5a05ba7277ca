// POST /api/v1/admin/workspaces — create a workspace for an owner (management API)
import { parseBody } from "@/lib/metering/http";
import { adminRoute } from "@/lib/management/http";
import { createManagedWorkspace, createWorkspaceSchema } from "@/lib/management/workspaces";

export const POST = adminRoute(async (req, _params, actor) => ({
  status: 201,
  body: await createManagedWorkspace(actor, await parseBody(req, createWorkspaceSchema)),
}));
