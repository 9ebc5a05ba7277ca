// GET /api/v1/entitlements/{featureKey} — {feature, allowed, limit} for the caller's tier
import { entitlement } from "@/lib/metering/account";
import { v1Route } from "@/lib/metering/http";

export async function GET(req: Request, ctx: { params: Promise<{ featureKey: string }> }) {
  const { featureKey } = await ctx.params;
  return v1Route(async (_req, caller) => ({ body: entitlement(caller, featureKey) }))(req);
}
