// GET /api/v1/models — every enabled model with allowed, requiredTier and the price after markup
import { modelList } from "@/lib/metering/account";
import { creditsHeader, v1Route } from "@/lib/metering/http";

export const GET = v1Route(async (_req, caller) => ({
  body: { data: modelList(caller) },
  headers: creditsHeader(caller.workspace.balanceMillicredits),
}));
