// The metering hot path without Next's router (README, "Performance"). POST /api/v1/usage and
// /usage/batch are the calls every request of the company's apps makes, and on a small box Next's
// request pipeline (routing, request adaptation, the proxy, response streaming) cost several times
// what the charge itself does. Their route files register their exported handler here, and the
// production server (scripts/lib/serve.ts) calls it directly for an exact match of method and path.
// It is the same function Next would call — same code, same tests, same OpenAPI — so the contract
// still has one definition; only the dispatch is shorter. The registry lives on globalThis because
// the route module is loaded inside Next's bundle and the server outside it.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { log } from "@/lib/observability/logger";
import { errorResponse } from "./errors";
import { securityHeaders } from "./security-headers";

export type LeanHandler = (req: Request) => Promise<Response>;
type RouteHandler = (req: Request) => Promise<Response>;

const globalForLean = globalThis as unknown as { tollgateLeanRoutes?: Map<string, LeanHandler> };
const routes = (globalForLean.tollgateLeanRoutes ??= new Map<string, LeanHandler>());
// The lean path serves production only (scripts/lib/serve.ts): production's headers.
const HEADERS = securityHeaders(false);

/**
 * Registers a route file's handler for the lean path and returns it unchanged (Next serves it too:
 * the first call, which loads the module, and every call in development). The lean path adds what
 * Next would add around it: the security headers of next.config.ts.
 */
export function leanRoute<H extends RouteHandler>(method: "POST", path: `/api/${string}`, handler: H): H {
  routes.set(`${method} ${path}`, async (req) => {
    // v1Route answers every error itself; this only keeps a bug from dropping the connection.
    const res = await handler(req).catch((e: unknown) => errorResponse(e));
    for (const { key, value } of HEADERS) if (!res.headers.has(key)) res.headers.set(key, value);
    return res;
  });
  return handler;
}

/** Bodies the lean path reads into memory; a larger one (the handlers refuse it: 413) goes through Next. */
const LEAN_BODY_CAP = 1024 * 1024;
const READ_FAILED = JSON.stringify({
  error: { code: "invalid_request", message: "The request could not be read to its end." },
});

/** The lean handler for this request, when it has one and a body of a known, bounded length. */
export function leanFor(req: IncomingMessage): LeanHandler | undefined {
  const handler = routes.get(`${req.method} ${req.url}`);
  if (!handler || req.headers["transfer-encoding"] !== undefined) return undefined;
  const length = Number(req.headers["content-length"] ?? "0");
  return Number.isSafeInteger(length) && length <= LEAN_BODY_CAP ? handler : undefined;
}

/** A Request with the node request's headers (the client address already overwritten) and body. */
async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : null,
  });
}

/** Reads the request, runs the registered handler and writes its answer (what Next does, less). */
export async function serveLean(handler: LeanHandler, req: IncomingMessage, res: ServerResponse) {
  let request: Request;
  try {
    request = await toRequest(req);
  } catch {
    // The client hung up mid-body, or sent a Host no URL can be built from: nothing ran.
    if (!res.destroyed) res.writeHead(400, { "content-type": "application/json" }).end(READ_FAILED);
    return;
  }
  try {
    const response = await handler(request);
    const body = Buffer.from(await response.arrayBuffer());
    const out: OutgoingHttpHeaders = {};
    response.headers.forEach((value, name) => (out[name] = value));
    if (response.headers.has("set-cookie")) out["set-cookie"] = response.headers.getSetCookie();
    out["content-length"] = body.length;
    res.writeHead(response.status, out).end(body);
  } catch (e) {
    // Only a bug gets here (the handler answers its own errors): never take the server down for it.
    log.error({ err: e }, "lean path failed to answer");
    res.destroy();
  }
}
