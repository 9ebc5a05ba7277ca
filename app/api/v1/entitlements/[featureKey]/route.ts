// GET /api/v1/entitlements/{featureKey} — {feature, allowed, limit} for the caller's tier
import { methodNotAllowed } from "@/lib/http/methods";
import { entitlement } from "@/lib/metering/account";
import { v1Route } from "@/lib/metering/http";

export const GET = v1Route<{ featureKey: string }>(async (_req, caller, _rate, { featureKey }) => ({
  body: entitlement(caller, featureKey),
}));

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
