import http from "node:http";
import type { AddressInfo } from "node:net";

// A real HTTP server in front of the app's own route handlers (the modules under app/api), for
// clients that speak HTTP (the official OpenAI client, @tollgate/sdk): each request becomes a web
// Request for the handler its path names, and its web Response (streams too) goes back over the
// socket. Paths are Next.js route patterns: "/api/v1/models/[id]".

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS", unknown>>;

function matcher(pattern: string) {
  const names: string[] = [];
  const source = pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => (names.push(name), "([^/]+)"));
  const re = new RegExp(`^${source}$`);
  return (path: string) => {
    const m = re.exec(path);
    if (!m) return null;
    return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
  };
}

export async function startRouteServer(routes: Record<string, RouteModule>) {
  const table = Object.entries(routes).map(([pattern, mod]) => ({ match: matcher(pattern), mod }));
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const aborted = new AbortController();
    res.on("close", () => !res.writableFinished && aborted.abort());
    const url = new URL(req.url ?? "/", "http://localhost");
    const found = table
      .map(({ match, mod }) => ({ params: match(url.pathname), mod }))
      .find((r) => r.params !== null);
    const handler = found?.mod[req.method as keyof RouteModule] as Handler | undefined;
    if (!found || !handler)
      return void res.writeHead(404, { "content-type": "text/html" }).end("<h1>404</h1>");
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const response = await handler(
      new Request(`http://localhost${req.url}`, {
        method: req.method,
        headers,
        body: hasBody ? Buffer.concat(chunks) : undefined,
        signal: aborted.signal,
      }),
      { params: Promise.resolve(found.params ?? {}) },
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) for await (const chunk of response.body) res.write(chunk);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
