import { randomUUID } from "node:crypto";
import { log, withLogContext, type LogContext } from "./logger";
import { observeApiRequest } from "./metrics";

// What the v1 API edge (lib/metering/http.ts, lib/management/http.ts) adds to every request: a
// request id (the client's X-Request-Id when it is a sane token, else a new one) on the response
// and on every log line written meanwhile, one access log line, and the request's metrics. All in
// memory: nothing here waits on I/O.

const REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export const requestIdOf = (req: Request) => {
  const given = req.headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
};

type Params = Record<string, string | string[]>;

/**
 * The route template of a request (/api/v1/reservations/[id]/commit), from its path and the route's
 * params, so metrics have one series per route rather than one per id.
 */
export async function routeTemplate(pathname: string, params?: Promise<Params>) {
  const values = params ? await params.catch(() => ({}) as Params) : {};
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) if (typeof value === "string") names.set(value, name);
  if (!names.size) return pathname;
  return pathname
    .split("/")
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {}
      const name = names.get(decoded);
      return name ? `[${name}]` : segment;
    })
    .join("/");
}

/** Filled in by the edge while it handles the request: the error code it answered with. */
export type EdgeOutcome = LogContext & { code?: string };

/** Runs one API request with its request id, then records its metrics and access log line. */
export async function observeApi(
  req: Request,
  params: Promise<Params> | undefined,
  handle: (outcome: EdgeOutcome) => Promise<Response>,
): Promise<Response> {
  const started = performance.now();
  const outcome: EdgeOutcome = { requestId: requestIdOf(req) };
  const res = await withLogContext(outcome, () => handle(outcome));
  const seconds = (performance.now() - started) / 1000;
  const route = await routeTemplate(new URL(req.url).pathname, params);
  const code = res.status < 400 ? "ok" : (outcome.code ?? String(res.status));
  observeApiRequest({ route, method: req.method, status: res.status, code, seconds });
  try {
    res.headers.set("X-Request-Id", outcome.requestId!);
  } catch {
    // A response with immutable headers (a proxied body) goes without it.
  }
  if (log.enabled("info"))
    log.access(
      {
        requestId: outcome.requestId,
        workspaceId: outcome.workspaceId,
        method: req.method,
        route,
        status: res.status,
        code,
        ms: Math.round(seconds * 10_000) / 10,
      },
      "api request",
    );
  return res;
}
