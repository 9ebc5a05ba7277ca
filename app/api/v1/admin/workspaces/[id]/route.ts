// GET /api/v1/admin/workspaces/{id} — tier, account type, balance, quota, subscription
import { adminRoute } from "@/lib/management/http";
import { describeWorkspace } from "@/lib/management/workspaces";

export const GET = adminRoute<{ id: string }>(async (_req, { id }) => ({ body: await describeWorkspace(id) }));
