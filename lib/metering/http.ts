import { creditsString } from "@/lib/catalog/money";
import { rateLimitHeaders, type RateLimitState } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { withCors } from "@/lib/http/cors";
import { errorCodeOf, errorResponse } from "@/lib/http/errors";
import { observeApi } from "@/lib/observability/api-edge";
import { pathParams } from "@/lib/http/params";
import { limitPerMinute } from "@/lib/http/rate-limit";
import { authenticate, authenticateSession, checkRateLimit, type ApiCaller } from "./authenticate";
import { InvalidApiKeyError } from "./errors";
import { creditsHeader, quotaHeaders } from "./headers";
import type { ChargeResult } from "./types";

// The v1 API's edge: authenticate, rate-limit, check the path's ids, run the handler, and answer
// refusals through the one error mapping (lib/http/errors). Every response carries the rate-limit
// headers and X-Request-Id, and is counted in the metrics (lib/observability). Also the shapes of
// its answers about money.

const UNAUTHENTICATED_PER_MINUTE = 60;

type Headers = Record<string, string>;

export const money = (millicredits: bigint) => ({
  millicredits: Number(millicredits),
  credits: creditsString(millicredits),
});

export function usageBody(r: ChargeResult) {
  return {
    id: r.id,
    model: r.model,
    billedTo: r.billedTo,
    charged: money(r.chargedMillicredits),
    balance: money(r.balanceMillicredits),
    quota: r.quota && { used: r.quota.used, limit: r.quota.limit, resetsAt: r.quota.resetsAt.toISOString() },
  };
}

/** A charged call's answer (POST /usage, a reservation's commit): body and state headers. */
export function usageResponse(r: ChargeResult) {
  return {
    body: usageBody(r),
    headers: {
      ...creditsHeader(r.balanceMillicredits),
      ...quotaHeaders(r.quota),
      ...(r.replayed ? { "Idempotent-Replayed": "true" } : {}),
    },
  };
}

type Handler<P> = (
  req: Request,
  caller: ApiCaller,
  rate: RateLimitState,
  params: P,
) => Promise<{ body: unknown; status?: number; headers?: Headers }>;
type Ctx<P> = { params: Promise<P> };

const SESSION_TOKEN = /^Bearer\s+tgs_/;

async function authenticateOrLimit(req: Request, sessionTokens: boolean) {
  const authorization = req.headers.get("authorization");
  try {
    if (!SESSION_TOKEN.test(authorization?.trim() ?? "")) return await authenticate(authorization);
    if (!sessionTokens)
      throw new InvalidApiKeyError(
        null,
        "Customer session tokens are read-only: they work on GET /api/v1/me, /models and /entitlements. Use an API key.",
      );
    return await authenticateSession(authorization);
  } catch (e) {
    if (!(e instanceof InvalidApiKeyError)) throw e;
    // Failed keys are limited per client address (never a header the client chose), which also
    // slows down key guessing.
    const ip = clientIp(req.headers);
    const state = await limitPerMinute(
      `api-unauth:${ip}`,
      UNAUTHENTICATED_PER_MINUTE,
      "Too many requests with a missing or invalid API key.",
    );
    throw new InvalidApiKeyError(state, e.message);
  }
}

/**
 * Wraps a v1 route: the handler only sees authenticated, rate-limited calls with well-formed path
 * ids. Read-only routes pass { sessionTokens: true } to accept customer session tokens (tgs_…) too;
 * every other route refuses them with 401 invalid_api_key.
 */
export function v1Route<P extends Record<string, string | string[]> = Record<string, never>>(
  handler: Handler<P>,
  { sessionTokens = false } = {},
) {
  return (req: Request, ctx?: Ctx<P>): Promise<Response> =>
    observeApi(req, ctx?.params, async (outcome) => {
      let headers: Headers = {};
      try {
        const caller = await authenticateOrLimit(req, sessionTokens);
        outcome.workspaceId = caller.workspace.id;
        const rate = checkRateLimit(caller);
        headers = rateLimitHeaders(rate);
        const params = await pathParams<P>(ctx);
        const out = await handler(req, caller, rate, params);
        return Response.json(out.body, {
          status: out.status ?? 200,
          headers: { ...headers, ...out.headers },
        });
      } catch (e) {
        outcome.code = errorCodeOf(e);
        return errorResponse(e, headers);
      }
    });
}

/** A read-only v1 route for browsers too: API keys or customer session tokens, CORS for ALLOWED_ORIGINS. */
export const readOnlyRoute = <P extends Record<string, string | string[]> = Record<string, never>>(
  handler: Handler<P>,
) => withCors(v1Route(handler, { sessionTokens: true }));
