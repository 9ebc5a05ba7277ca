import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as createWorkspaceRoute from "@/app/api/v1/admin/workspaces/route";
import * as workspaceRoute from "@/app/api/v1/admin/workspaces/[id]/route";
import * as creditsRoute from "@/app/api/v1/admin/workspaces/[id]/credits/route";
import * as subscriptionRoute from "@/app/api/v1/admin/workspaces/[id]/subscription/route";
import * as autoTopUpRoute from "@/app/api/v1/admin/workspaces/[id]/auto-top-up/route";
import * as apiKeysRoute from "@/app/api/v1/admin/workspaces/[id]/api-keys/route";
import * as ledgerRoute from "@/app/api/v1/admin/workspaces/[id]/ledger/route";
import * as usageListRoute from "@/app/api/v1/admin/workspaces/[id]/usage/route";
import * as chatRoute from "@/app/api/v1/chat/completions/route";
import * as entitlementRoute from "@/app/api/v1/entitlements/[featureKey]/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as modelsRoute from "@/app/api/v1/models/route";
import * as modelRoute from "@/app/api/v1/models/[id]/route";
import * as sessionsRoute from "@/app/api/v1/admin/workspaces/[id]/sessions/route";
import * as commitRoute from "@/app/api/v1/reservations/[id]/commit/route";
import * as releaseRoute from "@/app/api/v1/reservations/[id]/release/route";
import * as reservationsRoute from "@/app/api/v1/reservations/route";
import * as batchRoute from "@/app/api/v1/usage/batch/route";
import * as usageRoute from "@/app/api/v1/usage/route";
import * as unknownRoute from "@/app/api/v1/[...path]/route";
import { captureLogs } from "@/test/logs";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { API_ERROR_CODES } from "@/lib/http/errors";
import { createAdminApiKey } from "@/lib/metering/api-keys";
import { startOpenAiStandIn } from "@/test/openai-stand-in";
import { apiWorkspace } from "@/test/metering";

// The bad-input sweep (issue 14): every v1, management and proxy route, called through its real
// handler with hostile bodies, numbers, strings, ids, methods and headers. Each answer must be a
// 4xx with a JSON error code from the closed list, and no money may move anywhere.

// The sweep's own admin key, so its requests never spend another test file's per-key rate limit.
let ADMIN_KEY = "";

const STANDARD = "poster-editor:inpaint-standard";
const CHAT = "chat:gpt-4o-mini";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handler = (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

type Route = {
  name: string;
  mod: Record<string, unknown>;
  path: string;
  allow: Method;
  auth: "workspace" | "admin";
  params?: Record<string, string>;
  /** The path parameter odd ids go into, and an id of the right form that names nothing. */
  idParam?: { name: string; unknown: string };
  /** A valid body (never sent as is): each case breaks one thing in it. */
  base?: Record<string, unknown>;
  strings?: string[];
  /** Strings of any length: only NUL and lone surrogates are wrong in them. */
  freeStrings?: string[];
  numbers?: { path: string; values: unknown[] }[];
  metadata?: string;
  idempotencyHeader?: boolean;
  query?: boolean;
};

type Case = {
  route: Route;
  label: string;
  method: Method;
  params: Record<string, string>;
  headers: Record<string, string>;
  body?: BodyInit;
  query?: string;
};

const BAD_NUMBERS = [2 ** 31, 2 ** 53, 1e308, -1, 1.5, "12", null, true];
// Token counts up to 10^12 are valid: past the schema's bound, or unaffordable (402).
const BAD_TOKENS = [2 ** 31, 2 ** 53, 1e308, 1e13, -1, 1.5, "12"];
const BAD_TOKENS_SCHEMA = [2 ** 53, 1e308, 1e13, -1, 1.5, "12"];

function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const copy = structuredClone(obj);
  const keys = path.split(".");
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return copy;
}

/** JSON text with `marker` (a string value) replaced by raw JSON: lone surrogates cannot be built any other way. */
const withRaw = (obj: Record<string, unknown>, path: string, raw: string) =>
  JSON.stringify(setPath(obj, path, "__RAW__")).replace('"__RAW__"', raw);

const nested = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

function streamOf(text: string) {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < bytes.length; i += 16 * 1024) c.enqueue(bytes.slice(i, i + 16 * 1024));
      c.close();
    },
  });
}

function bodyCases(route: Route): Omit<Case, "route" | "method" | "params">[] {
  const base = route.base!;
  const cases: Omit<Case, "route" | "method" | "params">[] = [];
  const add = (label: string, body: BodyInit | undefined, headers: Record<string, string> = {}) =>
    cases.push({ label, body, headers });
  for (const raw of [
    "",
    "null",
    "[]",
    "[1,2]",
    '"text"',
    "42",
    "{",
    '{"unexpected":1}',
    '{"model":"a\u0000b"}',
    "\ufeff[]",
  ])
    add(`raw body ${JSON.stringify(raw).slice(0, 30)}`, raw);
  const huge = JSON.stringify({ ...base, pad: "a".repeat(300 * 1024) });
  add("huge body with Content-Length", huge, { "content-length": String(Buffer.byteLength(huge)) });
  add("huge body streamed without Content-Length", streamOf(huge));
  add("huge body of a lying Content-Length", streamOf(huge), { "content-length": "10" });
  add("deep array body", "[".repeat(100_000) + "]".repeat(100_000));
  add("deep object body", nested(20_000));
  add("body with a deep field", withRaw(base, Object.keys(base)[0], nested(5_000)));
  add("text/plain content type", JSON.stringify(base), { "content-type": "text/plain" });
  add("form content type", JSON.stringify(base), { "content-type": "application/x-www-form-urlencoded" });
  for (const path of route.strings ?? []) {
    add(`NUL in ${path}`, JSON.stringify(setPath(base, path, "a\u0000b")));
    add(`lone high surrogate in ${path}`, withRaw(base, path, '"a\\ud800b"'));
    add(`lone low surrogate in ${path}`, withRaw(base, path, '"\\udc00"'));
    add(`10 KB ${path}`, JSON.stringify(setPath(base, path, "x".repeat(10_240))));
    add(`number for ${path}`, JSON.stringify(setPath(base, path, 12)));
  }
  for (const path of route.freeStrings ?? []) {
    add(`NUL in ${path}`, JSON.stringify(setPath(base, path, "a\u0000b")));
    add(`lone surrogate in ${path}`, withRaw(base, path, '"a\\udbffb"'));
  }
  for (const { path, values } of route.numbers ?? [])
    for (const v of values) add(`${path} = ${JSON.stringify(v)}`, JSON.stringify(setPath(base, path, v)));
  if (route.metadata) {
    const m = route.metadata;
    add("metadata 11 levels deep", JSON.stringify(setPath(base, m, JSON.parse(nested(11)))));
    add("metadata 10,000 levels deep", withRaw(base, m, nested(10_000)));
    add("metadata over 16 KB", JSON.stringify(setPath(base, m, { blob: "x".repeat(17 * 1024) })));
    add("metadata of 9 MB", JSON.stringify(setPath(base, m, { blob: "x".repeat(9 * 1024 * 1024) })));
    add("metadata with a NUL key", withRaw(base, m, '{"a\\u0000":1}'));
    add("metadata with a lone surrogate key", withRaw(base, m, '{"\\ud83d":1}'));
    add("metadata with a NUL value", withRaw(base, m, '{"a":["x\\u0000"]}'));
    add("metadata as an array", JSON.stringify(setPath(base, m, [1])));
    add("metadata as a string", JSON.stringify(setPath(base, m, "x")));
  }
  if (route.idempotencyHeader) {
    for (const [label, key] of [
      ["empty", ""],
      ["blank", "   "],
      ["256 characters", "k".repeat(256)],
      ["3 KB", "k".repeat(3_000)],
      ["a control character", "key\u0001"],
      ["a tab inside", "a\tb"],
      ["a DEL", "key\u007f"],
      ["latin-1", "clé"],
    ])
      add(`Idempotency-Key ${label}`, JSON.stringify(base), { "idempotency-key": key });
  }
  return cases;
}

const QUERY_CASES = [
  "page=%00",
  "page=-1",
  "page=0",
  "page=1.5",
  "page=abc",
  "page=9007199254740992",
  "page=1e308",
  `page=${"9".repeat(10_000)}`,
  "pageSize=201",
  "pageSize=-5",
  "cursor=%00",
  "filter=a%00b",
  "model=x%00",
];

describe("bad-input sweep", () => {
  let standIn: Awaited<ReturnType<typeof startOpenAiStandIn>>;
  let key: string;
  let workspaceId: string;
  let reservationId: string;
  const routes: Route[] = [];

  beforeAll(async () => {
    ADMIN_KEY = (await createAdminApiKey(null, "bad-input sweep")).key;
    standIn = await startOpenAiStandIn();
    env.PROVIDER_BASE_URLS = { openai: standIn.url };
    env.PROVIDER_API_KEYS = { openai: "sk-platform-sweep" };
    const ws = await apiWorkspace({ balance: 1_000_000n, tier: "enterprise" });
    key = ws.key;
    workspaceId = ws.workspace.id;
    const hold = await reservationsRoute.POST(
      new Request("http://localhost/api/v1/reservations", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ model: CHAT, inputTokens: 100, outputTokens: 100 }),
      }),
    );
    expect(hold.status).toBe(201);
    reservationId = ((await hold.json()) as { id: string }).id;
    // A grant the credits cases reuse the key of: any other body under it must answer 409.
    const grant = await creditsRoute.POST(
      new Request("http://localhost/api/v1/admin/workspaces/x/credits", {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" },
        body: JSON.stringify({ millicredits: 1_000, reason: "sweep", idempotencyKey: "sweep-grant" }),
      }),
      { params: Promise.resolve({ id: workspaceId }) },
    );
    expect(grant.status).toBe(200);

    const id = { name: "id", unknown: "cm0000000000000000unknown" };
    routes.push(
      {
        name: "usage",
        mod: usageRoute,
        path: "/api/v1/usage",
        allow: "POST",
        auth: "workspace",
        base: { model: STANDARD, quantity: 1, metadata: { a: 1 } },
        strings: ["model"],
        numbers: [{ path: "quantity", values: BAD_NUMBERS }],
        metadata: "metadata",
        idempotencyHeader: true,
      },
      {
        name: "usage (tokens)",
        mod: usageRoute,
        path: "/api/v1/usage",
        allow: "POST",
        auth: "workspace",
        base: { model: CHAT, inputTokens: 10, outputTokens: 10 },
        numbers: [
          { path: "inputTokens", values: BAD_TOKENS },
          { path: "outputTokens", values: BAD_TOKENS },
        ],
      },
      {
        name: "usage/batch",
        mod: batchRoute,
        path: "/api/v1/usage/batch",
        allow: "POST",
        auth: "workspace",
        base: { events: [{ model: STANDARD, quantity: 1, idempotencyKey: "b-1", metadata: { a: 1 } }] },
        strings: ["events.0.model", "events.0.idempotencyKey"],
        numbers: [
          { path: "events.0.quantity", values: BAD_NUMBERS },
          { path: "events.0.idempotencyKey", values: ["", "   ", "k".repeat(256), "k\u0001", "clé"] },
          {
            path: "events",
            values: [
              [],
              {},
              "x",
              Array.from({ length: 101 }, (_, i) => ({ model: STANDARD, idempotencyKey: `b-${i}` })),
            ],
          },
        ],
        metadata: "events.0.metadata",
      },
      {
        name: "reservations",
        mod: reservationsRoute,
        path: "/api/v1/reservations",
        allow: "POST",
        auth: "workspace",
        base: { model: CHAT, inputTokens: 10, outputTokens: 10 },
        strings: ["model"],
        numbers: [
          { path: "inputTokens", values: BAD_TOKENS },
          { path: "quantity", values: BAD_NUMBERS },
          { path: "ttlSeconds", values: BAD_NUMBERS },
        ],
      },
      {
        name: "reservations/{id}/commit",
        mod: commitRoute,
        path: "/api/v1/reservations/{id}/commit",
        allow: "POST",
        auth: "workspace",
        params: { id: reservationId },
        idParam: { name: "id", unknown: "res_00000000000000000000000000000000" },
        base: { inputTokens: 5, outputTokens: 5, metadata: { a: 1 } },
        numbers: [
          { path: "inputTokens", values: BAD_TOKENS_SCHEMA },
          { path: "outputTokens", values: BAD_TOKENS_SCHEMA },
          { path: "quantity", values: BAD_NUMBERS },
        ],
        metadata: "metadata",
      },
      {
        name: "reservations/{id}/release",
        mod: releaseRoute,
        path: "/api/v1/reservations/{id}/release",
        allow: "POST",
        auth: "workspace",
        params: { id: "res_00000000000000000000000000000000" },
        idParam: { name: "id", unknown: "res_00000000000000000000000000000001" },
      },
      { name: "me", mod: meRoute, path: "/api/v1/me", allow: "GET", auth: "workspace" },
      { name: "models", mod: modelsRoute, path: "/api/v1/models", allow: "GET", auth: "workspace" },
      {
        name: "models/{id}",
        mod: modelRoute,
        path: "/api/v1/models/{id}",
        allow: "GET",
        auth: "workspace",
        params: { id: CHAT },
        idParam: { name: "id", unknown: "chat:nope" },
      },
      {
        name: "entitlements/{featureKey}",
        mod: entitlementRoute,
        path: "/api/v1/entitlements/{featureKey}",
        allow: "GET",
        auth: "workspace",
        params: { featureKey: "team_seats" },
        idParam: { name: "featureKey", unknown: "" },
      },
      {
        name: "chat/completions",
        mod: chatRoute,
        path: "/api/v1/chat/completions",
        allow: "POST",
        auth: "workspace",
        base: { model: CHAT, messages: [{ role: "user", content: "hi" }] },
        strings: ["model", "messages.0.role"],
        freeStrings: ["messages.0.content"],
        numbers: [
          { path: "max_tokens", values: BAD_NUMBERS.filter((v) => v !== null) },
          { path: "max_completion_tokens", values: BAD_NUMBERS.filter((v) => v !== null) },
          { path: "messages", values: [[], "x", null, [null], [{ role: "user" }]] },
        ],
      },
      {
        name: "admin/workspaces",
        mod: createWorkspaceRoute,
        path: "/api/v1/admin/workspaces",
        allow: "POST",
        auth: "admin",
        base: { name: "Sweep", ownerEmail: "sweep@example.test" },
        strings: ["name", "ownerEmail", "tier"],
        numbers: [{ path: "accountType", values: ["x", 1] }],
      },
      {
        name: "admin/workspaces/{id}",
        mod: workspaceRoute,
        path: "/api/v1/admin/workspaces/{id}",
        allow: "GET",
        auth: "admin",
        params: { id: workspaceId },
        idParam: id,
      },
      {
        name: "admin/workspaces/{id}/credits",
        mod: creditsRoute,
        path: "/api/v1/admin/workspaces/{id}/credits",
        allow: "POST",
        auth: "admin",
        params: { id: workspaceId },
        idParam: id,
        base: { millicredits: 1_000, reason: "sweep", idempotencyKey: "sweep-grant" },
        strings: ["reason", "idempotencyKey"],
        numbers: [
          { path: "millicredits", values: [...BAD_NUMBERS, 0, -1_000, 2_000] },
          { path: "reason", values: ["other reason", "   "] },
          { path: "idempotencyKey", values: ["", "   ", "k".repeat(256), "k\u0001"] },
        ],
      },
      {
        name: "admin/workspaces/{id}/subscription",
        mod: subscriptionRoute,
        path: "/api/v1/admin/workspaces/{id}/subscription",
        allow: "PUT",
        auth: "admin",
        params: { id: workspaceId },
        idParam: id,
        base: { tier: "pro", interval: "month" },
        strings: ["tier"],
        numbers: [
          { path: "interval", values: ["week", 1] },
          { path: "tier", values: ["no-such-tier"] },
        ],
      },
      {
        name: "admin/workspaces/{id}/auto-top-up",
        mod: autoTopUpRoute,
        path: "/api/v1/admin/workspaces/{id}/auto-top-up",
        allow: "PUT",
        auth: "admin",
        params: { id: workspaceId },
        idParam: id,
        base: { enabled: false, thresholdMillicredits: 1_000, pack: "credits-10k", monthlyCapCents: 1_000 },
        strings: ["pack"],
        numbers: [
          { path: "thresholdMillicredits", values: [-1, 1.5, 2 ** 53, "1000", null] },
          { path: "monthlyCapCents", values: [...BAD_NUMBERS, -1, 2 ** 31] },
          { path: "pack", values: ["no-such-pack"] },
          { path: "enabled", values: ["yes", 1] },
        ],
      },
      {
        name: "admin/workspaces/{id}/api-keys",
        mod: apiKeysRoute,
        path: "/api/v1/admin/workspaces/{id}/api-keys",
        allow: "POST",
        auth: "admin",
        params: { id: workspaceId },
        idParam: id,
        base: { name: "sweep" },
        strings: ["name"],
        numbers: [{ path: "name", values: ["", "   "] }],
      },
      {
        name: "admin/workspaces/{id}/sessions",
        mod: sessionsRoute,
        path: "/api/v1/admin/workspaces/{id}/sessions",
        allow: "POST",
        auth: "admin",
        params: { id: workspaceId },
        idParam: id,
        base: { ttlSeconds: 600 },
        numbers: [{ path: "ttlSeconds", values: BAD_NUMBERS }],
      },
      {
        name: "admin/workspaces/{id}/ledger",
        mod: ledgerRoute,
        path: "/api/v1/admin/workspaces/{id}/ledger",
        allow: "GET",
        auth: "admin",
        params: { id: workspaceId },
        idParam: id,
        query: true,
      },
      {
        name: "admin/workspaces/{id}/usage",
        mod: usageListRoute,
        path: "/api/v1/admin/workspaces/{id}/usage",
        allow: "GET",
        auth: "admin",
        params: { id: workspaceId },
        idParam: id,
        query: true,
      },
    );
  });

  afterAll(async () => {
    await standIn.close();
    // The sweep's failed keys count against the per-address limit; leave none of it to later files.
    await db.rateLimitHit.deleteMany({ where: { key: { startsWith: "api-unauth:" } } });
  });

  function cases(): Case[] {
    const out: Case[] = [];
    for (const route of routes) {
      const params = route.params ?? {};
      const valid = route.base ? JSON.stringify(route.base) : undefined;
      for (const method of METHODS)
        if (method !== route.allow)
          out.push({
            route,
            label: `method ${method}`,
            method,
            params,
            headers: {},
            body: method === "GET" ? undefined : valid,
          });
      for (const [label, authorization] of [
        ["no Authorization", null],
        ["blank Authorization", "Bearer "],
        ["duplicate Authorization", "__DUP__"],
        ["Basic Authorization", "Basic dXNlcjpwYXNz"],
        ["Authorization with a control character", "__CTRL__"],
        ["4 KB Authorization", `Bearer tg_${"a".repeat(4_096)}`],
      ] as const)
        out.push({
          route,
          label,
          method: route.allow,
          params,
          headers: { authorization: authorization ?? "" },
          body: valid,
        });
      out.push({
        route,
        label: "no Authorization, 8 KB X-Forwarded-For",
        method: route.allow,
        params,
        headers: {
          authorization: "",
          "x-forwarded-for": randomBytes(4_096).toString("hex"),
          "x-tollgate-client-ip": randomBytes(4_096).toString("hex"),
        },
        body: valid,
      });
      if (route.idParam) {
        const { name, unknown } = route.idParam;
        for (const [label, value] of [
          ["NUL id", "\u0000"],
          ["encoded NUL id", "%00"],
          ["undecodable %ff id", "%ff"],
          ["lone surrogate id", "\ud800"],
          ["10 KB id", "x".repeat(10_240)],
          ["id with a space", "a b"],
          ["id with a slash", "a/../b"],
          ["empty id", ""],
        ])
          out.push({
            route,
            label,
            method: route.allow,
            params: { ...params, [name]: value },
            headers: {},
            body: valid,
          });
        if (unknown)
          out.push({
            route,
            label: "unknown id",
            method: route.allow,
            params: { ...params, [name]: unknown },
            headers: {},
            body: valid,
          });
      }
      if (route.base)
        for (const c of bodyCases(route)) out.push({ route, method: route.allow, params, ...c });
      if (route.query)
        for (const q of QUERY_CASES)
          out.push({ route, label: `query ${q.slice(0, 40)}`, method: "GET", params, headers: {}, query: q });
    }
    for (const method of METHODS)
      for (const path of ["/api/v1/nope", "/api/v1/usage/nope/deeper", "/api/v1/admin/workspaces/x/nope"])
        out.push({
          route: { name: "unknown path", mod: unknownRoute, path, allow: "GET", auth: "workspace" },
          label: `${method} ${path}`,
          method,
          params: { path: path.split("/").slice(3).join("/") },
          headers: {},
          body: method === "GET" ? undefined : "{}",
        });
    return out;
  }

  function request(c: Case, n: number) {
    const bearer = `Bearer ${c.route.auth === "admin" ? ADMIN_KEY : key}`;
    const headers = new Headers({
      "content-type": "application/json",
      authorization: bearer,
      "x-forwarded-for": `198.51.100.${n % 250}`,
    });
    for (const [name, value] of Object.entries(c.headers)) {
      if (name === "authorization" && value === "") headers.delete(name);
      else if (value === "__DUP__") headers.append(name, bearer);
      else if (value === "__CTRL__") headers.set(name, `${bearer}\u0001`);
      else headers.set(name, value);
    }
    // The handlers read their ids from params (as Next.js passes them); the URL only has to parse.
    const path = c.route.path.replace(
      /\{(\w+)\}/g,
      (_, p: string) => (c.params[p] ?? "x").replace(/[^\w.~-]/gu, "_").slice(0, 200) || "_",
    );
    const init: RequestInit & { duplex?: "half" } = { method: c.method, headers, body: c.body };
    if (c.body instanceof ReadableStream) init.duplex = "half";
    return new Request(`http://localhost${path}${c.query ? `?${c.query}` : ""}`, init);
  }

  async function moneySnapshot() {
    const [row] = await db.$queryRaw<
      { balances: string; ledger: string; entries: string; events: string; holds: string }[]
    >`
      select (select coalesce(sum("balanceMillicredits"), 0)::text from "Workspace") as balances,
             (select coalesce(sum("amountMillicredits"), 0)::text from "LedgerEntry") as ledger,
             (select count(*)::text from "LedgerEntry") as entries,
             (select count(*)::text from "UsageEvent") as events,
             (select count(*)::text from "Reservation" where status = 'held') as holds`;
    return row;
  }

  it("answers every hostile request with a 4xx JSON error from the closed list, and moves no money", async () => {
    const before = await moneySnapshot();
    const wsBefore = await db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { balanceMillicredits: true },
    });
    const errors = captureLogs(); // unexpected errors are counted as failures below, not printed
    const all = cases();
    const failures: string[] = [];
    const counts = {
      sent: 0,
      serverErrors: 0,
      wrong2xx: 0,
      notJson: 0,
      unknownCode: 0,
      byStatus: {} as Record<number, number>,
    };
    for (const [n, c] of all.entries()) {
      const handler = c.route.mod[c.method] as Handler | undefined;
      const what = `${c.method} ${c.route.name}: ${c.label}`;
      if (!handler) {
        failures.push(
          `${what}: the route exports no ${c.method} handler (Next.js would answer an empty 405)`,
        );
        continue;
      }
      let req: Request;
      try {
        req = request(c, n);
      } catch (e) {
        throw new Error(`${what}: the test could not build its request: ${String(e)}`);
      }
      counts.sent++;
      const res = await handler(req, { params: Promise.resolve(c.params) });
      counts.byStatus[res.status] = (counts.byStatus[res.status] ?? 0) + 1;
      const text = await res.text();
      let code: unknown;
      try {
        const body = JSON.parse(text) as { error?: { code?: unknown } };
        code = body.error?.code;
      } catch {
        counts.notJson++;
        failures.push(`${what}: ${res.status} body is not JSON: ${text.slice(0, 80)}`);
      }
      if (res.status >= 500) {
        counts.serverErrors++;
        failures.push(`${what}: ${res.status} ${text.slice(0, 160)}`);
      } else if (res.status < 400) {
        counts.wrong2xx++;
        failures.push(`${what}: ${res.status} ${text.slice(0, 160)}`);
      } else if (typeof code !== "string" || !(API_ERROR_CODES as string[]).includes(code)) {
        counts.unknownCode++;
        failures.push(`${what}: code ${String(code)} is not in the closed list`);
      }
      if (res.status === 429 && !res.headers.get("retry-after"))
        failures.push(`${what}: 429 without Retry-After`);
      if (res.status === 405 && !res.headers.get("allow")) failures.push(`${what}: 405 without Allow`);
    }
    errors.restore();
    const after = await moneySnapshot();
    const wsAfter = await db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { balanceMillicredits: true },
    });
    const moneyMoved =
      JSON.stringify(before) !== JSON.stringify(after) ||
      wsBefore.balanceMillicredits !== wsAfter.balanceMillicredits;
    console.log(
      `bad-input sweep: ${counts.sent} requests sent, ${counts.serverErrors} 5xx, ${counts.wrong2xx} wrong 2xx, ${counts.notJson} not JSON, ${counts.unknownCode} codes outside the list, money moved: ${moneyMoved ? "yes" : "no"}; by status ${JSON.stringify(counts.byStatus)}`,
    );
    expect(failures).toEqual([]);
    expect(after).toEqual(before);
    expect(counts.sent).toBeGreaterThan(500);
  });

  it("regression: an empty Idempotency-Key is refused, so later empty-key calls cannot replay a cheap one", async () => {
    const { key: k, workspace } = await apiWorkspace({ balance: 10_000_000n, tier: "enterprise" });
    const call = (body: unknown, idem: string) =>
      usageRoute.POST(
        new Request("http://localhost/api/v1/usage", {
          method: "POST",
          headers: {
            authorization: `Bearer ${k}`,
            "content-type": "application/json",
            "idempotency-key": idem,
          },
          body: JSON.stringify(body),
        }),
      );
    const cheap = await call({ model: STANDARD, quantity: 1 }, "");
    expect(cheap.status).toBe(400);
    expect(((await cheap.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
    const dear = await call({ model: "video-generator:veo-3", quantity: 100 }, "");
    expect(dear.status).toBe(400);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(0);
    // A real key names one body: the same key with another body is a conflict, never a free replay.
    expect((await call({ model: STANDARD, quantity: 1 }, "k-1")).status).toBe(200);
    const reused = await call({ model: "video-generator:veo-3", quantity: 100 }, "k-1");
    expect(reused.status).toBe(409);
    expect(((await reused.json()) as { error: { code: string } }).error.code).toBe("idempotency_key_reused");
    const replay = await call({ model: STANDARD, quantity: 1 }, "k-1");
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });
});
