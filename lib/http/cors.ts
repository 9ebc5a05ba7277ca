import { env } from "@/lib/env";

// CORS for the read-only v1 routes that accept customer session tokens (SPEC §8.4): an app's
// browser code on an origin listed in ALLOWED_ORIGINS may call them; every other origin gets no
// CORS headers at all, so the browser keeps the answer from it. No cookies are involved (the
// token travels in Authorization), so credentials are never allowed.

const EXPOSED = [
  "X-RateLimit-Limit",
  "X-RateLimit-Remaining",
  "X-RateLimit-Reset",
  "X-Credits-Remaining",
  "X-Quota-Limit",
  "X-Quota-Remaining",
  "X-Quota-Reset",
  "Retry-After",
].join(", ");

export const isAllowedOrigin = (origin: string) => env.ALLOWED_ORIGINS.includes(origin.toLowerCase());

/** The route's answers (preflights too, when it is the OPTIONS handler) with CORS headers for listed origins. */
export function withCors<A extends unknown[]>(handler: (req: Request, ...rest: A) => Promise<Response>) {
  return async (req: Request, ...rest: A): Promise<Response> => {
    const res = await handler(req, ...rest);
    res.headers.append("Vary", "Origin");
    const origin = req.headers.get("origin");
    if (!origin || !isAllowedOrigin(origin)) return res;
    res.headers.set("Access-Control-Allow-Origin", origin);
    if (req.method === "OPTIONS") {
      res.headers.set("Access-Control-Allow-Methods", "GET, OPTIONS");
      res.headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
      res.headers.set("Access-Control-Max-Age", "600");
    } else res.headers.set("Access-Control-Expose-Headers", EXPOSED);
    return res;
  };
}
