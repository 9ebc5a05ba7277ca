import { isApiKeyScope, type ApiKeyScope } from "@/lib/auth/admin-roles";
import { rateLimitHeaders } from "@/lib/errors";
import { errorCodeOf, errorResponse, InsufficientScopeError } from "@/lib/http/errors";
import { observeApi } from "@/lib/observability/api-edge";
import { pathParams } from "@/lib/http/params";
import { money } from "@/lib/metering/http";
import { authenticateAdminKey } from "./auth";

type Actor = { id: string; email: string };
type Result = { body: unknown; status?: number };

/** JSON with BigInt money as {millicredits, credits} and other BigInts as numbers. */
export function toJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, function (key, v) {
      if (typeof v !== "bigint") return v;
      return /millicredits$/i.test(key) || key === "balance" ? money(v) : Number(v);
    }),
  );
}

/** The scope a request needs unless its route names one: reads need "read", anything else "write". */
const scopeOf = (req: Request): ApiKeyScope =>
  req.method === "GET" || req.method === "HEAD" ? "read" : "write";

/**
 * Wraps a management API route: admin key auth, the key's scope (read / write / refund), rate limit
 * headers, checked path ids, the one error mapping, and the same request id, access log and metrics
 * as the rest of /api/v1.
 */
export function adminRoute<P extends Record<string, string>>(
  handler: (req: Request, params: P, actor: Actor) => Promise<Result>,
  options: { scope?: ApiKeyScope } = {},
) {
  return (req: Request, ctx?: { params: Promise<P> }): Promise<Response> =>
    observeApi(req, ctx?.params, async (outcome) => {
      let headers: Record<string, string> = {};
      try {
        const { key, rate } = await authenticateAdminKey(req.headers.get("authorization"));
        headers = rateLimitHeaders(rate);
        const scope = options.scope ?? scopeOf(req);
        if (!key.scopes.filter(isApiKeyScope).includes(scope)) throw new InsufficientScopeError(scope);
        const params = await pathParams<P>(ctx);
        const out = await handler(req, params, { id: key.id, email: `admin-api-key:${key.prefix}` });
        return Response.json(toJson(out.body), { status: out.status ?? 200, headers });
      } catch (e) {
        outcome.code = errorCodeOf(e);
        return errorResponse(e, headers);
      }
    });
}
