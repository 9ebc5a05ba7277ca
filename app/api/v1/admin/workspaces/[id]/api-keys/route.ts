// POST /api/v1/admin/workspaces/{id}/api-keys — issue a workspace API key (shown once)
import { z } from "zod";
import { parseBody } from "@/lib/metering/http";
import { adminRoute } from "@/lib/management/http";
import { issueWorkspaceKey } from "@/lib/management/workspaces";

const schema = z.object({ name: z.string().trim().min(1).max(100) }).strict();

export const POST = adminRoute<{ id: string }>(async (req, { id }, actor) => {
  const { key, record } = await issueWorkspaceKey(actor, id, (await parseBody(req, schema)).name);
  return { status: 201, body: { id: record.id, key, prefix: record.prefix, name: record.name } };
});
