import { creditsString } from "@/lib/catalog/money";
import { RateLimitedError, rateLimitHeaders, type RateLimitState } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { withCors } from "@/lib/http/cors";
import { errorCodeOf, errorResponse } from "@/lib/http/errors";
import { observeApi } from "@/lib/observability/api-edge";
import { pathParams } from "@/lib/http/params";
import { limitPerMinute } from "@/lib/http/rate-limit";
import {
  authenticate,
  authenticateSession,
  cachedCaller,
  checkRateLimit,
  rateState,
  type ApiCaller,
} from "./authenticate";
import { InvalidApiKeyError, WorkspaceSuspendedError } from "./errors";
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

function authenticateCaller(req: Request, sessionTokens: boolean) {
  const authorization = req.headers.get("authorization");
  if (!SESSION_TOKEN.test(authorization?.trim() ?? "")) return authenticate(authorization);
  if (!sessionTokens)
    throw new InvalidApiKeyError(
      null,
      "Customer session tokens are read-only: they work on GET /api/v1/me, /models and /entitlements. Use an API key.",
    );
  return authenticateSession(authorization);
}

// Failed keys are limited per client address (never a header the client chose), which also slows
// down key guessing.
async function limitedRefusal(req: Request, e: unknown) {
  if (!(e instanceof InvalidApiKeyError)) return e;
  try {
    const state = await limitPerMinute(
      `api-unauth:${clientIp(req.headers)}`,
      UNAUTHENTICATED_PER_MINUTE,
      "Too many requests with a missing or invalid API key.",
    );
    return new InvalidApiKeyError(state, e.message);
  } catch (limited) {
    return limited; // 429: too many failed keys from this address
  }
}

// What the caller's own statement refuses: the key (401), the workspace (403) or the minute (429).
const isCallerRefusal = (e: unknown) =>
  e instanceof InvalidApiKeyError || e instanceof WorkspaceSuspendedError || e instanceof RateLimitedError;

/**
 * The answer for an error: a remembered caller whose handler failed before its statement (a bad
 * body) is authenticated and counted first, so the answer is the one the two-step path gives
 * (401, 403, 429, then the handler's error).
 */
async function refusal(req: Request, caller: ApiCaller | null, e: unknown) {
  if (caller?.deferred && !isCallerRefusal(e)) {
    try {
      checkRateLimit(Object.assign(caller, await authenticate(req.headers.get("authorization"))));
    } catch (first) {
      return limitedRefusal(req, first);
    }
    return e;
  }
  return limitedRefusal(req, e);
}

/**
 * Wraps a v1 route: the handler only sees authenticated, rate-limited calls with well-formed path
 * ids. Read-only routes pass { sessionTokens: true } to accept customer session tokens (tgs_…) too;
 * every other route refuses them with 401 invalid_api_key. Charging routes pass { deferred: true }
 * (meteredRoute): a caller this process remembers reaches the handler unconfirmed (caller.deferred,
 * `rate` before this call's count) and the charge statement confirms it.
 */
export function v1Route<P extends Record<string, string | string[]> = Record<string, never>>(
  handler: Handler<P>,
  { sessionTokens = false, deferred = false } = {},
) {
  return (req: Request, ctx?: Ctx<P>): Promise<Response> =>
    observeApi(req, ctx?.params, async (outcome) => {
      let caller: ApiCaller | null = null;
      try {
        if (deferred) caller = await cachedCaller(req.headers.get("authorization"));
        caller ??= await authenticateCaller(req, sessionTokens);
        outcome.workspaceId = caller.workspace.id;
        const rate = caller.deferred ? rateState(caller) : checkRateLimit(caller);
        const params = await pathParams<P>(ctx);
        const out = await handler(req, caller, rate, params);
        return Response.json(out.body, {
          status: out.status ?? 200,
          headers: { ...rateLimitHeaders(rateState(caller)), ...out.headers },
        });
      } catch (e) {
        const error = await refusal(req, caller, e);
        outcome.code = errorCodeOf(error);
        // Rate headers once the caller is known and counted (a refused key or workspace has none).
        const counted = caller && !caller.deferred && !(error instanceof InvalidApiKeyError);
        const suspended = error instanceof WorkspaceSuspendedError;
        return errorResponse(error, counted && !suspended ? rateLimitHeaders(rateState(caller!)) : {});
      }
    });
}

/** A charging v1 route: with a caller this process remembers, one statement authenticates, counts and charges. */
export const meteredRoute = <P extends Record<string, string | string[]> = Record<string, never>>(
  handler: Handler<P>,
) => v1Route(handler, { deferred: true });

/** A read-only v1 route for browsers too: API keys or customer session tokens, CORS for ALLOWED_ORIGINS. */
export const readOnlyRoute = <P extends Record<string, string | string[]> = Record<string, never>>(
  handler: Handler<P>,
) => withCors(v1Route(handler, { sessionTokens: true }));
