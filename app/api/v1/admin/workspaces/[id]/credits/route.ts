// POST /api/v1/admin/workspaces/{id}/credits — grant or deduct credits (never below zero; idempotent)
import { parseBody } from "@/lib/metering/http";
import { adminRoute } from "@/lib/management/http";
import { adjustCredits, creditsSchema } from "@/lib/management/workspaces";

export const POST = adminRoute<{ id: string }>(async (req, { id }, actor) => {
  const result = await adjustCredits(actor, id, await parseBody(req, creditsSchema));
  return { body: { workspaceId: id, applied: result.applied, balance: result.balanceMillicredits } };
});
