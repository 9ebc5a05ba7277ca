// GET /api/v1/pricing — the public catalog (tiers, prices, features, models, packs), no key needed
import { getPublicCatalog } from "@/lib/catalog/public";
import { errorCodeOf, errorResponse } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/methods";
import { observeApi } from "@/lib/observability/api-edge";

// What /pricing renders, from the same function, for pricing tables in the apps' own pages. Public
// and identical for everyone, so any origin may read it and caches may keep it a few minutes.
const PUBLIC = { "Access-Control-Allow-Origin": "*", Vary: "Origin" };

export const GET = (req: Request) =>
  observeApi(req, undefined, async (outcome) => {
    try {
      return Response.json(await getPublicCatalog(), {
        headers: { ...PUBLIC, "Cache-Control": "public, max-age=300, stale-while-revalidate=3600" },
      });
    } catch (e) {
      outcome.code = errorCodeOf(e);
      return errorResponse(e, PUBLIC);
    }
  });

const other = methodNotAllowed("GET");
export const OPTIONS = async (req: Request) => {
  const res = await other(req);
  for (const [name, value] of Object.entries(PUBLIC)) res.headers.set(name, value);
  res.headers.set("Access-Control-Allow-Methods", "GET, OPTIONS");
  return res;
};
export { other as POST, other as PUT, other as PATCH, other as DELETE };
