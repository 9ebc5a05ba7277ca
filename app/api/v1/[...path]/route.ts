// ANY /api/v1/<unknown> — 404 not_found as JSON for every path under /api/v1 that names no route
import { routeNotFound } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

export {
  routeNotFound as GET,
  routeNotFound as POST,
  routeNotFound as PUT,
  routeNotFound as PATCH,
  routeNotFound as DELETE,
  routeNotFound as OPTIONS,
};
