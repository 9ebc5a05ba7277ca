// POST /api/v1/usage — check and charge one call
import { chargeUsage, usageSchema } from "@/lib/metering/charge";
import { creditsHeader, parseBody, quotaHeaders, usageBody, v1Route } from "@/lib/metering/http";

export const POST = v1Route(async (req, caller) => {
  const input = await parseBody(req, usageSchema);
  const result = await chargeUsage(caller, input, req.headers.get("idempotency-key"));
  return {
    body: usageBody(result),
    headers: {
      ...creditsHeader(result.balanceMillicredits),
      ...quotaHeaders(result.quota),
      ...(result.replayed ? { "Idempotent-Replayed": "true" } : {}),
    },
  };
});
