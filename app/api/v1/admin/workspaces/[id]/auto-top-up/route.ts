// PUT /api/v1/admin/workspaces/{id}/auto-top-up — set the workspace's auto top-up (threshold, pack, monthly cap)
import { autoTopUpBody, autoTopUpSchema, saveAutoTopUp } from "@/lib/billing/auto-top-up";
import { parseBody } from "@/lib/http/body";
import { methodNotAllowed } from "@/lib/http/methods";
import { adminRoute } from "@/lib/management/http";

export const PUT = adminRoute<{ id: string }>(async (req, { id }, actor) => {
  await saveAutoTopUp(actor, id, await parseBody(req, autoTopUpSchema));
  return { body: await autoTopUpBody(id) };
});

const other = methodNotAllowed("PUT");
export { other as GET, other as POST, other as PATCH, other as DELETE, other as OPTIONS };
