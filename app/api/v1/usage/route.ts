// POST /api/v1/usage — check and charge one call (served on the lean path: lib/http/lean-routes.ts)
import { idempotencyKey, parseBody } from "@/lib/http/body";
import { leanRoute } from "@/lib/http/lean-routes";
import { methodNotAllowed } from "@/lib/http/methods";
import { chargeUsage, usageSchema } from "@/lib/metering/charge";
import { meteredRoute, usageResponse } from "@/lib/metering/http";

export const POST = leanRoute(
  "POST",
  "/api/v1/usage",
  meteredRoute(async (req, caller) => {
    const key = idempotencyKey(req);
    return usageResponse(await chargeUsage(caller, await parseBody(req, usageSchema), key));
  }),
);

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
