// GET /api/metrics — Prometheus text (Bearer METRICS_TOKEN or an admin API key; otherwise 401 JSON)
import { errorResponse } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/methods";
import { authorizeScrape, scrapeMetrics } from "@/lib/observability/scrape";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    await authorizeScrape(req.headers.get("authorization"));
    const { body, contentType } = await scrapeMetrics();
    return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
