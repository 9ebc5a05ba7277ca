// GET /api/v1/entitlements/{featureKey} — {feature, allowed, limit} for the caller's tier
import { withCors } from "@/lib/http/cors";
import { methodNotAllowed } from "@/lib/http/methods";
import { entitlement } from "@/lib/metering/account";
import { readOnlyRoute } from "@/lib/metering/http";

export const GET = readOnlyRoute<{ featureKey: string }>(async (_req, caller, _rate, { featureKey }) => ({
  body: entitlement(caller, featureKey),
}));

// OPTIONS answers CORS preflights from ALLOWED_ORIGINS.
export const OPTIONS = withCors(methodNotAllowed("GET"));
const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };
