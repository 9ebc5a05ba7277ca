import { isExpectedError } from "@/lib/errors";
import { InvalidApiKeyError } from "@/lib/metering/errors";
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

function rateHeaders(rate: { limit: number; remaining: number; resetAt: Date }) {
  return {
    "X-RateLimit-Limit": String(rate.limit),
    "X-RateLimit-Remaining": String(rate.remaining),
    "X-RateLimit-Reset": String(Math.ceil(rate.resetAt.getTime() / 1000)),
  };
}

/** Wraps a management API route: admin key auth, rate limit headers, typed errors as SPEC bodies. */
export function adminRoute<P>(handler: (req: Request, params: P, actor: Actor) => Promise<Result>) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    let headers: Record<string, string> = {};
    try {
      const { key, rate } = await authenticateAdminKey(req.headers.get("authorization")).catch((e: unknown) => {
        const state = (e as { rateLimit?: Parameters<typeof rateHeaders>[0] }).rateLimit;
        if (state) headers = rateHeaders(state);
        throw e;
      });
      headers = rateHeaders(rate);
      const out = await handler(req, await ctx.params, { id: key.id, email: `admin-api-key:${key.prefix}` });
      return Response.json(toJson(out.body), { status: out.status ?? 200, headers });
    } catch (e) {
      if (isExpectedError(e)) {
        const extra: Record<string, string> = e instanceof InvalidApiKeyError ? { "WWW-Authenticate": "Bearer" } : {};
        return Response.json({ error: { code: e.code, message: e.message, ...e.details } }, { status: e.status, headers: { ...headers, ...extra } });
      }
      console.error(e);
      return Response.json({ error: { code: "internal_error", message: "Something went wrong." } }, { status: 500, headers });
    }
  };
}
