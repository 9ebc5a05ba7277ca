// POST /api/v1/admin/workspaces/{id}/api-keys — issue a workspace API key (shown once)
import { parseBody } from "@/lib/metering/http";
import { adminRoute } from "@/lib/management/http";
import { apiKeySchema, issueWorkspaceKey } from "@/lib/management/workspaces";

export const POST = adminRoute<{ id: string }>(async (req, { id }, actor) => {
  const { key, record } = await issueWorkspaceKey(actor, id, (await parseBody(req, apiKeySchema)).name);
  return { status: 201, body: { id: record.id, key, prefix: record.prefix, name: record.name } };
});
