// POST /api/v1/usage — check and charge one call
import { idempotencyKey } from "@/lib/http/body";
import { methodNotAllowed } from "@/lib/http/methods";
import { chargeUsage, usageSchema } from "@/lib/metering/charge";
import { creditsHeader, parseBody, quotaHeaders, usageBody, v1Route } from "@/lib/metering/http";

export const POST = v1Route(async (req, caller) => {
  const key = idempotencyKey(req);
  const result = await chargeUsage(caller, await parseBody(req, usageSchema), key);
  return {
    body: usageBody(result),
    headers: {
      ...creditsHeader(result.balanceMillicredits),
      ...quotaHeaders(result.quota),
      ...(result.replayed ? { "Idempotent-Replayed": "true" } : {}),
    },
  };
});

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
