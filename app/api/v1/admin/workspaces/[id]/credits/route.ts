// POST /api/v1/admin/workspaces/{id}/credits — grant or deduct credits (never below zero; idempotent)
import { methodNotAllowed } from "@/lib/http/methods";
import { parseBody } from "@/lib/http/body";
import { adminRoute } from "@/lib/management/http";
import { adjustCredits, creditsSchema } from "@/lib/workspaces/administration";

export const POST = adminRoute<{ id: string }>(async (req, { id }, actor) => {
  const result = await adjustCredits(actor, id, await parseBody(req, creditsSchema));
  return { body: { workspaceId: id, applied: result.applied, balance: result.balanceMillicredits } };
});

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
