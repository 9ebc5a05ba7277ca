// The poster app: a tiny app server that uses Tollgate the way a company's own apps do.
// - POST /api/session mints a customer session token (admin key) for the browser's components;
// - POST /api/generate is metered with @tollgate/sdk under the workspace's secret key: charged
//   before the work runs, a refusal answered with Tollgate's own status and body;
// - GET / serves the page (app.tsx, bundled with esbuild at start) built from @tollgate/react.
// Run: `npm run example:poster` (see README.md beside this file).
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { build } from "esbuild";
import { Tollgate, withTollgate } from "@tollgate/sdk";

const here = import.meta.dirname;
const root = path.resolve(here, "../..");
const port = Number(process.env.PORT ?? 5173);
const tollgateUrl = (process.env.TOLLGATE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const adminKey = process.env.TOLLGATE_ADMIN_API_KEY;
if (!adminKey) throw new Error("Set TOLLGATE_ADMIN_API_KEY (the Tollgate server's admin API key, tga_…).");
const admin = new Tollgate({ apiKey: adminKey, baseUrl: tollgateUrl });

/** The workspace's secret key: TOLLGATE_API_KEY, or a new demo workspace and key made with the management API. */
async function workspaceKey() {
  if (process.env.TOLLGATE_API_KEY) return process.env.TOLLGATE_API_KEY;
  const workspace = await admin.request<{ id: string }>("POST", "/api/v1/admin/workspaces", {
    name: "Poster app demo",
    ownerEmail: process.env.OWNER_EMAIL ?? "poster-app@example.com",
  });
  const issued = await admin.request<{ key: string }>(
    "POST",
    `/api/v1/admin/workspaces/${workspace.id}/api-keys`,
    {
      name: "Poster app",
    },
  );
  console.log(
    `Created workspace ${workspace.id} with a key for it (set TOLLGATE_API_KEY=${issued.key} to reuse it).`,
  );
  return issued.key;
}

const tollgate = new Tollgate({ apiKey: await workspaceKey(), baseUrl: tollgateUrl });
const workspaceId = (await tollgate.me()).workspace.id;

const bundle = await build({
  entryPoints: [path.join(here, "app.tsx")],
  bundle: true,
  write: false,
  format: "esm",
  jsx: "automatic",
  minify: true,
  target: "es2022",
  define: { "process.env.NODE_ENV": '"production"' },
  alias: {
    "@tollgate/sdk": path.join(root, "packages/sdk/src/index.ts"),
    "@tollgate/react": path.join(root, "packages/react/src/index.ts"),
  },
  logLevel: "warning",
});
const appJs = bundle.outputFiles[0].text;
const styles =
  readFileSync(path.join(root, "packages/react/styles.css"), "utf8") +
  readFileSync(path.join(here, "page.css"), "utf8");
const page = readFileSync(path.join(here, "index.html"), "utf8").replace(
  "__CONFIG__",
  JSON.stringify({ tollgateUrl }).replaceAll("<", "\\u003c"),
);

const MODELS = /^poster-editor:[a-z0-9-]+$/;

// The metered route: the model comes from the body; anything but a poster-editor model is refused.
const generate = withTollgate(
  async (req) => {
    const { model, prompt } = (await req.json()) as { model: string; prompt?: string };
    return Response.json({ poster: { model, text: String(prompt ?? "").slice(0, 80) || "Untitled" } });
  },
  {
    client: tollgate,
    model: async (req) => {
      const body = (await req
        .clone()
        .json()
        .catch(() => null)) as { model?: unknown } | null;
      if (typeof body?.model !== "string" || !MODELS.test(body.model)) throw new BadRequest();
      return body.model;
    },
  },
);

class BadRequest extends Error {}

async function route(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  if (req.method === "GET" && pathname === "/") return new Response(page, { headers: html });
  if (req.method === "GET" && pathname === "/app.js")
    return new Response(appJs, { headers: { "content-type": "text/javascript; charset=utf-8" } });
  if (req.method === "GET" && pathname === "/styles.css")
    return new Response(styles, { headers: { "content-type": "text/css; charset=utf-8" } });
  // In a real app: only for a signed-in user, for the workspace that user belongs to.
  if (req.method === "POST" && pathname === "/api/session")
    return Response.json(await admin.sessions.create(workspaceId, { ttlSeconds: 900 }));
  if (req.method === "POST" && pathname === "/api/generate")
    return generate(req).catch((e: unknown) => {
      if (e instanceof BadRequest)
        return Response.json(
          { error: { code: "invalid_request", message: "Pick a poster-editor model." } },
          { status: 400 },
        );
      throw e;
    });
  return new Response("Not found", { status: 404 });
}

const html = { "content-type": "text/html; charset=utf-8" };

http
  .createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(incoming.headers)) if (typeof v === "string") headers.set(k, v);
    const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
    let res: Response;
    try {
      res = await route(
        new Request(`http://localhost:${port}${incoming.url}`, {
          method: incoming.method,
          headers,
          body: hasBody ? Buffer.concat(chunks) : undefined,
        }),
      );
    } catch (e) {
      console.error(e);
      res = Response.json(
        { error: { code: "internal_error", message: "The poster app failed." } },
        { status: 500 },
      );
    }
    outgoing.writeHead(res.status, Object.fromEntries(res.headers));
    outgoing.end(Buffer.from(await res.arrayBuffer()));
  })
  .listen(port, () => console.log(`Poster app on http://localhost:${port} (Tollgate at ${tollgateUrl})`));
