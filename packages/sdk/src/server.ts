import { TollgateError } from "./errors.js";
import type { Tollgate } from "./client.js";
import type { MeterOptions } from "./meter.js";

// Thin adapters for app servers: a Next.js route-handler wrapper, a fetch-style guard (Hono, Bun,
// Deno, Cloudflare Workers) and an Express middleware. Each charges before the handler runs and
// answers a refusal with Tollgate's own status and body, so the front end can show the right
// prompt (402 buy credits, 403 upgrade, 429 wait or upgrade).

type Resolve<T> = T | ((req: Request) => T | Promise<T>);

export interface GuardOptions {
  /** The client for this request's workspace (its API key), or a function of the request. */
  client: Resolve<Tollgate>;
  model: Resolve<string>;
  quantity?: Resolve<number>;
  /** Names the charge, e.g. from the request's own Idempotency-Key header (the default). */
  idempotencyKey?: (req: Request) => string | undefined;
}

const resolve = <T>(value: Resolve<T>, req: Request): T | Promise<T> =>
  typeof value === "function" ? (value as (req: Request) => T | Promise<T>)(req) : value;

/** The refusal as a Response (Tollgate's status, body and Retry-After), or null: go ahead. */
export function guard(options: GuardOptions) {
  return async (req: Request): Promise<Response | null> => {
    const client = await resolve(options.client, req);
    const charge: MeterOptions = {
      model: await resolve(options.model, req),
      quantity: options.quantity === undefined ? 1 : await resolve(options.quantity, req),
      idempotencyKey: (options.idempotencyKey ?? ((r) => r.headers.get("idempotency-key") ?? undefined))(req),
    };
    try {
      await client.meter(charge, () => undefined);
      return null;
    } catch (e) {
      if (!(e instanceof TollgateError) || e.status === 0 || e.status >= 500) throw e;
      const retryAfter = e.headers?.get("retry-after");
      return Response.json(e.body, {
        status: e.status,
        headers: retryAfter ? { "Retry-After": retryAfter } : {},
      });
    }
  };
}

/** A Next.js route handler that is charged before it runs: `export const POST = withTollgate(handler, {...})`. */
export function withTollgate<A extends unknown[]>(
  handler: (req: Request, ...rest: A) => Promise<Response> | Response,
  options: GuardOptions,
) {
  const check = guard(options);
  return async (req: Request, ...rest: A): Promise<Response> => (await check(req)) ?? handler(req, ...rest);
}

// Express types without depending on them.
type ExpressRequest = {
  headers: Record<string, string | string[] | undefined>;
  method: string;
  originalUrl?: string;
  url: string;
};
type ExpressResponse = {
  status(code: number): ExpressResponse;
  set(name: string, value: string): unknown;
  json(body: unknown): unknown;
};

/** Express middleware: `app.post("/edit", tollgateExpress({ client, model: "poster-editor:inpaint-pro" }), handler)`. */
export function tollgateExpress(options: GuardOptions) {
  const check = guard(options);
  return (req: ExpressRequest, res: ExpressResponse, next: (err?: unknown) => void) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, String(v));
    check(new Request(`http://express.local${req.originalUrl ?? req.url}`, { method: "GET", headers }))
      .then((refusal) => {
        if (!refusal) return next();
        const retryAfter = refusal.headers.get("retry-after");
        if (retryAfter) res.set("Retry-After", retryAfter);
        return refusal.json().then((body) => res.status(refusal.status).json(body));
      })
      .catch(next);
  };
}
