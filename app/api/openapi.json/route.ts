// GET /api/openapi.json — the v1 API's OpenAPI 3.1 document
import { env } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export function GET() {
  return Response.json(buildOpenApiDocument(env.APP_URL), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
