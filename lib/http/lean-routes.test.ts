import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as usage } from "@/app/api/v1/usage/route";
import "@/app/api/v1/usage/batch/route";
import { db } from "@/lib/db";
import { apiWorkspace, ledgerSum, usageRequest } from "@/test/metering";
import { leanFor, serveLean } from "./lean-routes";
import { securityHeaders } from "./security-headers";

// The lean path over real HTTP: the dispatch scripts/lib/serve.ts runs in production, with the
// route modules registered by importing them (as Next's first load does). Whatever is not an exact
// match falls through (here: 599, standing in for Next).

const STANDARD = "poster-editor:inpaint-standard";
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const lean = leanFor(req);
    if (lean) void serveLean(lean, req, res);
    else res.writeHead(599).end("next");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (path: string, key: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
    body,
  });

/** Status, body and headers, without the per-response ones (request id, date, connection). */
async function comparable(res: Response) {
  const headers = Object.fromEntries(
    [...res.headers].filter(
      ([k]) => !["x-request-id", "date", "connection", "keep-alive", "content-length"].includes(k),
    ),
  );
  const body = await res.json();
  return { status: res.status, headers, body: { ...body, id: body.id && "evt" } };
}

describe("the lean path (POST /api/v1/usage and /usage/batch without Next's router)", () => {
  it("answers exactly what the route handler answers, with next.config's security headers", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 100_000n });
    const body = JSON.stringify({ model: STANDARD, quantity: 2 });
    const lean = await post("/api/v1/usage", key, body);
    const direct = await usage(usageRequest(key, body));
    const a = await comparable(lean);
    const b = await comparable(direct);
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ ...b.body, balance: { millicredits: 76_000, credits: "76" } });
    expect(b.body.balance).toEqual({ millicredits: 52_000, credits: "52" });
    const { "x-credits-remaining": credits, "x-ratelimit-remaining": remaining, ...rest } = a.headers;
    expect(credits).toBe("76");
    expect(Number(remaining)).toBe(Number(b.headers["x-ratelimit-remaining"]) + 1);
    expect(rest).toMatchObject({
      "content-security-policy": expect.stringContaining("default-src 'self'"),
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "content-type": "application/json",
    });
    // Nothing else added or lost: the handler's own headers plus the five security headers.
    const security = securityHeaders(false).map((h) => h.key.toLowerCase());
    expect(Object.keys(a.headers).sort()).toEqual([...Object.keys(b.headers), ...security].sort());
    expect(lean.headers.get("content-length")).toMatch(/^\d+$/);
    expect(await ledgerSum(workspace.id)).toBe(52_000n);
  });

  it("refuses bad input the same way (4xx, nothing charged), and batches too", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 100_000n });
    const bad = await post("/api/v1/usage", key, '{"model":');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid_request");
    const wrongKey = await post("/api/v1/usage", "tg_nope", JSON.stringify({ model: STANDARD }));
    expect(wrongKey.status).toBe(401);
    expect(await ledgerSum(workspace.id)).toBe(100_000n);
    const batch = await post(
      "/api/v1/usage/batch",
      key,
      JSON.stringify({ events: [{ model: STANDARD }, { model: "nope:nope" }] }),
    );
    expect(batch.status).toBe(200);
    const { results } = await batch.json();
    expect(results.map((r: { status: number }) => r.status)).toEqual([200, 404]);
    expect(await ledgerSum(workspace.id)).toBe(88_000n);
  });

  it("leaves every other method, path, query string and unbounded body to Next", async () => {
    const { key } = await apiWorkspace({ balance: 100_000n });
    const body = JSON.stringify({ model: STANDARD });
    expect((await post("/api/v1/usage?x=1", key, body)).status).toBe(599);
    expect((await post("/api/v1/usage/", key, body)).status).toBe(599);
    expect((await fetch(`${base}/api/v1/usage`)).status).toBe(599);
    expect((await post("/api/v1/reservations", key, body)).status).toBe(599);
    // A streamed body has no declared length: Next reads it (and refuses it past the limit).
    const streamed = await fetch(`${base}/api/v1/usage`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
      body: new Blob([body]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(599);
  });

  it("charges nothing when the client hangs up mid-body, and keeps serving", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 100_000n });
    const { port } = server.address() as AddressInfo;
    const req = httpRequest({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/api/v1/usage",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        "content-length": "100",
      },
    });
    req.on("error", () => {});
    req.write('{"model":"');
    await new Promise((r) => setTimeout(r, 100));
    req.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect(await ledgerSum(workspace.id)).toBe(100_000n);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(0);
    const after = await post("/api/v1/usage", key, JSON.stringify({ model: STANDARD }));
    expect(after.status).toBe(200);
  });
});
