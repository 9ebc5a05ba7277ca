import { creditsString } from "@/lib/catalog/money";
import { rateLimitHeaders, type RateLimitState } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { errorCodeOf, errorResponse } from "@/lib/http/errors";
import { observeApi } from "@/lib/observability/api-edge";
import { pathParams } from "@/lib/http/params";
import { limitPerMinute } from "@/lib/http/rate-limit";
import { authenticate, checkRateLimit, type ApiCaller } from "./authenticate";
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

async function authenticateOrLimit(req: Request) {
  try {
    return await authenticate(req.headers.get("authorization"));
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
    throw new InvalidApiKeyError(state);
  }
}

/** Wraps a v1 route: the handler only sees authenticated, rate-limited calls with well-formed path ids. */
export function v1Route<P extends Record<string, string | string[]> = Record<string, never>>(
  handler: Handler<P>,
) {
  return (req: Request, ctx?: Ctx<P>): Promise<Response> =>
    observeApi(req, ctx?.params, async (outcome) => {
      let headers: Headers = {};
      try {
        const caller = await authenticateOrLimit(req);
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
