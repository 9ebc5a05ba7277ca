// GET /api/v1/admin/workspaces/{id} — tier, account type, balance, quota, subscription
import { methodNotAllowed } from "@/lib/http/methods";
import { adminRoute } from "@/lib/management/http";
import { describeWorkspace } from "@/lib/workspaces/administration";

export const GET = adminRoute<{ id: string }>(async (_req, { id }) => ({
  body: await describeWorkspace(id),
}));

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
