// POST /api/v1/admin/workspaces/{id}/api-keys — issue a workspace API key (shown once)
import { methodNotAllowed } from "@/lib/http/methods";
import { parseBody } from "@/lib/http/body";
import { adminRoute } from "@/lib/management/http";
import { apiKeySchema, issueWorkspaceKey } from "@/lib/workspaces/administration";

export const POST = adminRoute<{ id: string }>(async (req, { id }, actor) => {
  const { key, record } = await issueWorkspaceKey(actor, id, (await parseBody(req, apiKeySchema)).name);
  return { status: 201, body: { id: record.id, key, prefix: record.prefix, name: record.name } };
});

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
