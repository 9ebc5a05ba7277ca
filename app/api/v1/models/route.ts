// GET /api/v1/models — every enabled model with allowed, requiredTier and the price after markup
import { withCors } from "@/lib/http/cors";
import { methodNotAllowed } from "@/lib/http/methods";
import { modelList } from "@/lib/metering/account";
import { creditsHeader } from "@/lib/metering/headers";
import { readOnlyRoute } from "@/lib/metering/http";

export const GET = readOnlyRoute(async (_req, caller) => ({
  body: { object: "list", data: modelList(caller) },
  headers: creditsHeader(caller.workspace.balanceMillicredits),
}));

// OPTIONS answers CORS preflights from ALLOWED_ORIGINS.
export const OPTIONS = withCors(methodNotAllowed("GET"));
const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };
