import type { z } from "zod";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { creditsString } from "@/lib/catalog/money";
import { AppError, isExpectedError } from "@/lib/errors";
import { authenticate, checkRateLimit, type ApiCaller, type RateLimitState } from "./authenticate";
import { InvalidApiKeyError, InvalidRequestError, QuotaExceededError, RateLimitedError } from "./errors";
import type { ChargeResult } from "./charge";

// The v1 API's edge: authenticate, rate-limit, run the handler, and map typed errors to the SPEC's
// JSON bodies and headers. Every response carries the rate-limit headers.

const UNAUTHENTICATED_PER_MINUTE = 60;

type Headers = Record<string, string>;

function rateHeaders(r: RateLimitState): Headers {
  return {
    "X-RateLimit-Limit": String(r.limit),
    "X-RateLimit-Remaining": String(r.remaining),
    "X-RateLimit-Reset": String(Math.ceil(r.resetAt.getTime() / 1000)),
  };
}

export function quotaHeaders(quota: { used: number; limit: number; resetsAt: Date } | null): Headers {
  if (!quota) return {};
  return {
    "X-Quota-Limit": String(quota.limit),
    "X-Quota-Remaining": String(Math.max(0, quota.limit - quota.used)),
    "X-Quota-Reset": String(Math.ceil(quota.resetsAt.getTime() / 1000)),
  };
}

export const creditsHeader = (balance: bigint): Headers => ({ "X-Credits-Remaining": creditsString(balance) });

export const money = (millicredits: bigint) => ({ millicredits: Number(millicredits), credits: creditsString(millicredits) });

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

function errorResponse(e: AppError, headers: Headers) {
  const extra: Headers = {};
  if (e instanceof RateLimitedError) extra["Retry-After"] = String(e.retryAfterSeconds);
  if (e instanceof QuotaExceededError) {
    extra["Retry-After"] = String(Math.max(1, Math.ceil((e.resetsAt.getTime() - Date.now()) / 1000)));
    Object.assign(extra, quotaHeaders((e as QuotaExceededError & { quota?: { used: number; limit: number; resetsAt: Date } }).quota ?? null));
  }
  const balance = (e as { balance?: bigint }).balance;
  if (balance !== undefined) Object.assign(extra, creditsHeader(balance));
  return Response.json({ error: { code: e.code, message: e.message, ...e.details } }, { status: e.status, headers: { ...headers, ...extra } });
}

export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const json = await req.json().catch(() => {
    throw new InvalidRequestError("The body must be JSON.");
  });
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InvalidRequestError("The request body is invalid.", parsed.error.issues);
  return parsed.data;
}

type Handler = (req: Request, caller: ApiCaller, rate: RateLimitState) => Promise<{ body: unknown; status?: number; headers?: Headers }>;

/** Wraps a v1 route: the handler only sees authenticated, rate-limited calls. */
export function v1Route(handler: Handler) {
  return async (req: Request): Promise<Response> => {
    let headers: Headers = {};
    try {
      const caller = await authenticate(req.headers.get("authorization")).catch(async (e: unknown) => {
        if (e instanceof InvalidApiKeyError) {
          // Failed keys are limited per client address, which also slows down key guessing.
          const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
          const hit = await hitRateLimit(`api-unauth:${ip}`, UNAUTHENTICATED_PER_MINUTE, 60);
          headers = rateHeaders({ limit: UNAUTHENTICATED_PER_MINUTE, remaining: Math.max(0, UNAUTHENTICATED_PER_MINUTE - hit.count), resetAt: new Date(Date.now() + hit.retryAfterSeconds * 1000) });
          if (!hit.allowed) throw new RateLimitedError(hit.retryAfterSeconds);
        }
        throw e;
      });
      let rate: RateLimitState;
      try {
        rate = checkRateLimit(caller);
      } catch (e) {
        const state = (e as { rateLimit?: RateLimitState }).rateLimit;
        if (state) headers = rateHeaders(state);
        throw e;
      }
      headers = rateHeaders(rate);
      const out = await handler(req, caller, rate);
      return Response.json(out.body, { status: out.status ?? 200, headers: { ...headers, ...out.headers } });
    } catch (e) {
      if (isExpectedError(e)) return errorResponse(e, headers);
      console.error(e);
      return Response.json({ error: { code: "internal_error", message: "Something went wrong. Retry with the same Idempotency-Key." } }, { status: 500, headers });
    }
  };
}
