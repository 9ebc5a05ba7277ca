// GET /api/v1/models/{id} — one enabled model as the caller's tier sees it (OpenAI's models.retrieve)
import { withCors } from "@/lib/http/cors";
import { methodNotAllowed } from "@/lib/http/methods";
import { modelByKey } from "@/lib/metering/account";
import { creditsHeader } from "@/lib/metering/headers";
import { readOnlyRoute } from "@/lib/metering/http";

export const GET = readOnlyRoute<{ id: string }>(async (_req, caller, _rate, { id }) => ({
  body: modelByKey(caller, id),
  headers: creditsHeader(caller.workspace.balanceMillicredits),
}));

// OPTIONS answers CORS preflights from ALLOWED_ORIGINS.
export const OPTIONS = withCors(methodNotAllowed("GET"));
const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };
