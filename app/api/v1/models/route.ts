// GET /api/v1/models — every enabled model with allowed, requiredTier and the price after markup
import { methodNotAllowed } from "@/lib/http/methods";
import { modelList } from "@/lib/metering/account";
import { creditsHeader } from "@/lib/metering/headers";
import { v1Route } from "@/lib/metering/http";

export const GET = v1Route(async (_req, caller) => ({
  body: { data: modelList(caller) },
  headers: creditsHeader(caller.workspace.balanceMillicredits),
}));

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
