import * as sessionsRoute from "@/app/api/v1/admin/workspaces/[id]/sessions/route";
import * as entitlementRoute from "@/app/api/v1/entitlements/[featureKey]/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as modelRoute from "@/app/api/v1/models/[id]/route";
import * as modelsRoute from "@/app/api/v1/models/route";
import * as pricingRoute from "@/app/api/v1/pricing/route";
import * as commitRoute from "@/app/api/v1/reservations/[id]/commit/route";
import * as releaseRoute from "@/app/api/v1/reservations/[id]/release/route";
import * as reservationsRoute from "@/app/api/v1/reservations/route";
import * as batchRoute from "@/app/api/v1/usage/batch/route";
import * as usageRoute from "@/app/api/v1/usage/route";
import type { RouteModule } from "./route-server";

/** Every v1 route an SDK calls (not the chat proxy), for startRouteServer: the SDKs' contract tests serve these. */
export const SDK_ROUTES: Record<string, RouteModule> = {
  "/api/v1/usage": usageRoute,
  "/api/v1/usage/batch": batchRoute,
  "/api/v1/reservations": reservationsRoute,
  "/api/v1/reservations/[id]/commit": commitRoute,
  "/api/v1/reservations/[id]/release": releaseRoute,
  "/api/v1/me": meRoute,
  "/api/v1/models": modelsRoute,
  "/api/v1/models/[id]": modelRoute,
  "/api/v1/pricing": pricingRoute,
  "/api/v1/entitlements/[featureKey]": entitlementRoute,
  "/api/v1/admin/workspaces/[id]/sessions": sessionsRoute,
};
