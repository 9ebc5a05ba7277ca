import { createRequire } from "node:module";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openapiRoute } from "@/app/api/openapi.json/route";
import { POST as createWorkspace } from "@/app/api/v1/admin/workspaces/route";
import { GET as getWorkspace } from "@/app/api/v1/admin/workspaces/[id]/route";
import { POST as apiKeys } from "@/app/api/v1/admin/workspaces/[id]/api-keys/route";
import { POST as credits } from "@/app/api/v1/admin/workspaces/[id]/credits/route";
import { GET as ledger } from "@/app/api/v1/admin/workspaces/[id]/ledger/route";
import { PUT as subscription } from "@/app/api/v1/admin/workspaces/[id]/subscription/route";
import { PUT as autoTopUp } from "@/app/api/v1/admin/workspaces/[id]/auto-top-up/route";
import { GET as usagePage } from "@/app/api/v1/admin/workspaces/[id]/usage/route";
import { GET as entitlementRoute } from "@/app/api/v1/entitlements/[featureKey]/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as models } from "@/app/api/v1/models/route";
import { GET as model } from "@/app/api/v1/models/[id]/route";
import { GET as pricing } from "@/app/api/v1/pricing/route";
import { POST as sessions } from "@/app/api/v1/admin/workspaces/[id]/sessions/route";
import { POST as reserve } from "@/app/api/v1/reservations/route";
import { POST as commit } from "@/app/api/v1/reservations/[id]/commit/route";
import { POST as release } from "@/app/api/v1/reservations/[id]/release/route";
import { POST as usage } from "@/app/api/v1/usage/route";
import { POST as chatCompletions } from "@/app/api/v1/chat/completions/route";
import { POST as batch } from "@/app/api/v1/usage/batch/route";
import { env } from "@/lib/env";
import { uniqueEmail } from "@/test/factories";
import { apiWorkspace, usageRequest } from "@/test/metering";
import { startOpenAiStandIn } from "@/test/openai-stand-in";
import { buildOpenApiDocument } from "./document";
import { SPEC_ERROR_CODES } from "./errors";
import type { HeaderObject, OpenApiDocument } from "./types";

// The published document against the live handlers: every body a handler sends validates against
// the JSON Schema the document declares for that path, method and status, and the headers match.

const ADMIN_KEY = "tga_openapi_test_key_0123456789abcdef";
env.TOLLGATE_ADMIN_API_KEY = ADMIN_KEY;

// The OpenAPI validator ships ajv 8 (the top-level ajv is eslint's v6); use that copy for 2020-12.
type ValidateFn = ((data: unknown) => boolean) & { errors?: unknown[] | null };
type Ajv = { addSchema(schema: object, key: string): Ajv; compile(schema: object): ValidateFn };
const requireFromValidator = createRequire(
  createRequire(import.meta.url).resolve("@seriousme/openapi-schema-validator"),
);
const Ajv2020 = (requireFromValidator("ajv/dist/2020") as { default: new (opts: object) => Ajv }).default;

const DOC_ID = "https://tollgate.test/openapi.json";
const doc: OpenApiDocument = buildOpenApiDocument("http://localhost:3000");
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).addSchema(doc, DOC_ID);

const pointer = (...parts: string[]) =>
  parts.map((p) => encodeURIComponent(p.replaceAll("~", "~0").replaceAll("/", "~1"))).join("/");
const validatorFor = (...parts: string[]) => ajv.compile({ $ref: `${DOC_ID}#/${pointer(...parts)}` });

type Method = "get" | "post" | "put";

/** Asserts the live response is what the document says for path+method+status; returns its body. */
async function expectDocumented(method: Method, path: string, res: Response) {
  const operation = doc.paths[path]?.[method];
  expect(operation, `${method} ${path} is documented`).toBeDefined();
  const documented = operation?.responses[String(res.status)];
  expect(documented, `${method} ${path} documents ${res.status}`).toBeDefined();
  const body: unknown = await res.json();
  const validate = validatorFor(
    "paths",
    path,
    method,
    "responses",
    String(res.status),
    "content",
    "application/json",
    "schema",
  );
  expect(
    validate(body),
    `${method} ${path} ${res.status}: ${JSON.stringify(validate.errors)}\n${JSON.stringify(body)}`,
  ).toBe(true);
  const headers = documented?.headers ?? {};
  for (const [name, header] of Object.entries(headers)) {
    if ((header as HeaderObject).required)
      expect(res.headers.get(name), `${method} ${path} ${res.status} sends ${name}`).not.toBeNull();
  }
  const names = Object.keys(headers).map((h) => h.toLowerCase());
  for (const name of res.headers.keys()) {
    if (/^(x-|retry-after$|idempotent-replayed$|www-authenticate$)/.test(name))
      expect(names, `${method} ${path} ${res.status} documents ${name}`).toContain(name);
  }
  return body as Record<string, unknown> & { error?: { code: string } };
}

const v1 = (url: string, key: string | null, body?: unknown, method = body === undefined ? "GET" : "POST") =>
  new Request(`http://localhost${url}`, {
    method,
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document that covers every v1 path in SPEC §3", async () => {
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/v1/usage",
        "/api/v1/usage/batch",
        "/api/v1/reservations",
        "/api/v1/reservations/{id}/commit",
        "/api/v1/reservations/{id}/release",
        "/api/v1/me",
        "/api/v1/models",
        "/api/v1/models/{id}",
        "/api/v1/entitlements/{featureKey}",
        "/api/v1/pricing",
        "/api/v1/chat/completions",
        "/api/v1/admin/workspaces",
        "/api/v1/admin/workspaces/{id}",
        "/api/v1/admin/workspaces/{id}/credits",
        "/api/v1/admin/workspaces/{id}/subscription",
        "/api/v1/admin/workspaces/{id}/auto-top-up",
        "/api/v1/admin/workspaces/{id}/api-keys",
        "/api/v1/admin/workspaces/{id}/sessions",
        "/api/v1/admin/workspaces/{id}/ledger",
        "/api/v1/admin/workspaces/{id}/usage",
      ].sort(),
    );
    const usageOp = doc.paths["/api/v1/usage"]?.post;
    const codes = Object.values(usageOp?.responses ?? {}).flatMap((r) =>
      Object.keys(r.content["application/json"].examples ?? {}),
    );
    expect(codes).toEqual(expect.arrayContaining([...SPEC_ERROR_CODES]));
    expect(usageOp?.parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    expect(doc.components.securitySchemes.workspaceKey.bearerFormat).toBe("tg_…");
  });

  it("its own examples validate against its schemas", () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (op.requestBody) {
          const validate = validatorFor(
            "paths",
            path,
            method,
            "requestBody",
            "content",
            "application/json",
            "schema",
          );
          expect(
            validate(op.requestBody.content["application/json"].example),
            `${method} ${path} request: ${JSON.stringify(validate.errors)}`,
          ).toBe(true);
        }
        for (const [status, response] of Object.entries(op.responses)) {
          const media = response.content["application/json"];
          const validate = validatorFor(
            "paths",
            path,
            method,
            "responses",
            status,
            "content",
            "application/json",
            "schema",
          );
          for (const value of [
            media.example,
            ...Object.values(media.examples ?? {}).map((e) => e.value),
          ].filter((v) => v !== undefined)) {
            expect(validate(value), `${method} ${path} ${status}: ${JSON.stringify(validate.errors)}`).toBe(
              true,
            );
          }
        }
        expect(op["x-codeSamples"].map((s) => s.lang)).toEqual(["curl", "javascript", "python"]);
      }
    }
    // The check has teeth: a body that breaks the promise fails it.
    const usage200 = validatorFor(
      "paths",
      "/api/v1/usage",
      "post",
      "responses",
      "200",
      "content",
      "application/json",
      "schema",
    );
    const example = doc.paths["/api/v1/usage"]?.post?.responses["200"].content["application/json"]
      .example as object;
    expect(usage200(example)).toBe(true);
    expect(usage200({ ...example, billedTo: "cash" })).toBe(false);
    expect(usage200({ ...example, surprise: 1 })).toBe(false);
  });

  it("matches the live metering responses: usage, replay, refusals, account reads", async () => {
    const { key } = await apiWorkspace({ balance: 100_000n });
    const ok = await usage(
      usageRequest(
        key,
        { model: "poster-editor:inpaint-standard", quantity: 2 },
        { "Idempotency-Key": "doc-1" },
      ),
    );
    expect(ok.status).toBe(200);
    await expectDocumented("post", "/api/v1/usage", ok);
    const replay = await usage(
      usageRequest(
        key,
        { model: "poster-editor:inpaint-standard", quantity: 2 },
        { "Idempotency-Key": "doc-1" },
      ),
    );
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    await expectDocumented("post", "/api/v1/usage", replay);

    const refusals: [unknown, number, string][] = [
      [{ model: "poster-editor:inpaint-standard", quantity: 10 }, 402, "insufficient_credits"],
      [{ model: "poster-editor:no-such-model" }, 404, "model_not_found"],
      [{ model: "video-generator:veo-3" }, 403, "model_not_allowed"],
      [{ model: "poster-editor:inpaint-standard", quantity: -1, extra: true }, 400, "invalid_request"],
    ];
    for (const [body, status, code] of refusals) {
      const res = await usage(usageRequest(key, body));
      expect(res.status).toBe(status);
      expect((await expectDocumented("post", "/api/v1/usage", res)).error?.code).toBe(code);
    }
    const unauthenticated = await usage(usageRequest(null, { model: "poster-editor:inpaint-standard" }));
    expect((await expectDocumented("post", "/api/v1/usage", unauthenticated)).error?.code).toBe(
      "invalid_api_key",
    );

    const sub = await apiWorkspace({ tier: "pro", accountType: "subscription" });
    const meRes = await me(v1("/api/v1/me", sub.key));
    expect(meRes.status).toBe(200);
    expect(meRes.headers.get("x-quota-limit")).not.toBeNull();
    await expectDocumented("get", "/api/v1/me", meRes);
    await expectDocumented("get", "/api/v1/models", await models(v1("/api/v1/models", key)));
    const id = "chat:gpt-4o-mini";
    await expectDocumented(
      "get",
      "/api/v1/models/{id}",
      await model(v1(`/api/v1/models/${id}`, key), params({ id })),
    );
    const missing = await model(v1("/api/v1/models/chat:nope", key), params({ id: "chat:nope" }));
    expect((await expectDocumented("get", "/api/v1/models/{id}", missing)).error?.code).toBe(
      "model_not_found",
    );
    const ent = await entitlementRoute(
      v1("/api/v1/entitlements/team_seats", key),
      params({ featureKey: "team_seats" }),
    );
    expect(ent.status).toBe(200);
    await expectDocumented("get", "/api/v1/entitlements/{featureKey}", ent);
    const catalog = await pricing(v1("/api/v1/pricing", null));
    expect(catalog.status).toBe(200);
    await expectDocumented("get", "/api/v1/pricing", catalog);
  });

  it("matches the live reservation and batch responses", async () => {
    const { key } = await apiWorkspace({ balance: 100_000n });
    const held = await reserve(
      v1("/api/v1/reservations", key, { model: "chat:gpt-4o-mini", inputTokens: 2000, outputTokens: 1000 }),
    );
    expect(held.status).toBe(201);
    const { id } = (await expectDocumented("post", "/api/v1/reservations", held)) as { id: string };
    const committed = await commit(
      v1(`/api/v1/reservations/${id}/commit`, key, { inputTokens: 1500, outputTokens: 500 }),
      params({ id }),
    );
    expect(committed.status).toBe(200);
    await expectDocumented("post", "/api/v1/reservations/{id}/commit", committed);
    const again = await commit(
      v1(`/api/v1/reservations/${id}/commit`, key, { inputTokens: 1 }),
      params({ id }),
    );
    expect((await expectDocumented("post", "/api/v1/reservations/{id}/commit", again)).error?.code).toBe(
      "reservation_settled",
    );

    const second = (await (
      await reserve(v1("/api/v1/reservations", key, { model: "chat:gpt-4o-mini", inputTokens: 100 }))
    ).json()) as { id: string };
    const released = await release(
      v1(`/api/v1/reservations/${second.id}/release`, key, {}),
      params({ id: second.id }),
    );
    expect(released.status).toBe(200);
    await expectDocumented("post", "/api/v1/reservations/{id}/release", released);
    const missing = await release(
      v1("/api/v1/reservations/res_nope/release", key, {}),
      params({ id: "res_nope" }),
    );
    expect((await expectDocumented("post", "/api/v1/reservations/{id}/release", missing)).error?.code).toBe(
      "not_found",
    );

    const results = await batch(
      v1("/api/v1/usage/batch", key, {
        events: [
          { model: "poster-editor:inpaint-standard", idempotencyKey: "b-1" },
          { model: "poster-editor:no-such-model", idempotencyKey: "b-2" },
        ],
      }),
    );
    expect(results.status).toBe(200);
    const body = (await expectDocumented("post", "/api/v1/usage/batch", results)) as {
      results: { status: number }[];
    };
    expect(body.results.map((r) => r.status)).toEqual([200, 404]);
  });

  it("matches the live chat completions proxy responses", async () => {
    const standIn = await startOpenAiStandIn();
    const saved = { urls: env.PROVIDER_BASE_URLS, keys: env.PROVIDER_API_KEYS };
    env.PROVIDER_BASE_URLS = { openai: standIn.url };
    env.PROVIDER_API_KEYS = { openai: "sk-platform-openapi-test" };
    try {
      const { key } = await apiWorkspace({ balance: 1_000_000n });
      const chat = (body: unknown) => chatCompletions(v1("/api/v1/chat/completions", key, body));
      const messages = [{ role: "user", content: "Say hello." }];
      const ok = await chat({ model: "chat:gpt-4o-mini", messages });
      expect(ok.status).toBe(200);
      await expectDocumented("post", "/api/v1/chat/completions", ok);
      const unknown = await chat({ model: "chat:nope", messages });
      expect(unknown.status).toBe(404);
      expect((await expectDocumented("post", "/api/v1/chat/completions", unknown)).error?.code).toBe(
        "model_not_found",
      );
      standIn.state.failNext = { status: 500 };
      const upstream = await chat({ model: "chat:gpt-4o-mini", messages });
      expect(upstream.status).toBe(500);
      await expectDocumented("post", "/api/v1/chat/completions", upstream);
    } finally {
      Object.assign(env, { PROVIDER_BASE_URLS: saved.urls, PROVIDER_API_KEYS: saved.keys });
      await standIn.close();
    }
  });

  it("matches the live management API responses", async () => {
    const admin = (url: string, method: string, body?: unknown) =>
      new Request(`http://localhost${url}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const created = await createWorkspace(
      admin("/api/v1/admin/workspaces", "POST", { name: "Docs Co", ownerEmail: uniqueEmail("docs") }),
      params({}),
    );
    expect(created.status).toBe(201);
    const { id } = (await expectDocumented("post", "/api/v1/admin/workspaces", created)) as { id: string };
    const ws = `/api/v1/admin/workspaces/${id}`;
    await expectDocumented(
      "post",
      "/api/v1/admin/workspaces/{id}/credits",
      await credits(
        admin(`${ws}/credits`, "POST", { millicredits: 5_000, reason: "Docs", idempotencyKey: "docs-1" }),
        params({ id }),
      ),
    );
    await expectDocumented(
      "put",
      "/api/v1/admin/workspaces/{id}/subscription",
      await subscription(admin(`${ws}/subscription`, "PUT", { tier: "pro" }), params({ id })),
    );
    await expectDocumented(
      "put",
      "/api/v1/admin/workspaces/{id}/auto-top-up",
      await autoTopUp(
        admin(`${ws}/auto-top-up`, "PUT", {
          enabled: true,
          thresholdMillicredits: 1_000,
          pack: "credits-10k",
          monthlyCapCents: 5_000,
        }),
        params({ id }),
      ),
    );
    const issued = await apiKeys(admin(`${ws}/api-keys`, "POST", { name: "docs" }), params({ id }));
    expect(issued.status).toBe(201);
    const { key } = (await expectDocumented("post", "/api/v1/admin/workspaces/{id}/api-keys", issued)) as {
      key: string;
    };
    expect((await usage(usageRequest(key, { model: "poster-editor:inpaint-standard" }))).status).toBe(200);
    const minted = await sessions(admin(`${ws}/sessions`, "POST", { ttlSeconds: 600 }), params({ id }));
    expect(minted.status).toBe(201);
    const { token } = (await expectDocumented("post", "/api/v1/admin/workspaces/{id}/sessions", minted)) as {
      token: string;
    };
    await expectDocumented("get", "/api/v1/me", await me(v1("/api/v1/me", token)));
    await expectDocumented(
      "get",
      "/api/v1/admin/workspaces/{id}",
      await getWorkspace(admin(ws, "GET"), params({ id })),
    );
    await expectDocumented(
      "get",
      "/api/v1/admin/workspaces/{id}/ledger",
      await ledger(admin(`${ws}/ledger?page=1&pageSize=10`, "GET"), params({ id })),
    );
    const events = await usagePage(admin(`${ws}/usage`, "GET"), params({ id }));
    expect(
      ((await expectDocumented("get", "/api/v1/admin/workspaces/{id}/usage", events)) as { total: number })
        .total,
    ).toBe(1);
    const bad = await ledger(admin(`${ws}/ledger?pageSize=1000`, "GET"), params({ id }));
    expect((await expectDocumented("get", "/api/v1/admin/workspaces/{id}/ledger", bad)).error?.code).toBe(
      "invalid_request",
    );
    const unknown = await getWorkspace(admin("/api/v1/admin/workspaces/nope", "GET"), params({ id: "nope" }));
    expect((await expectDocumented("get", "/api/v1/admin/workspaces/{id}", unknown)).error?.code).toBe(
      "not_found",
    );
  });
});

describe("GET /api/openapi.json", () => {
  let served: OpenApiDocument;
  let res: Response;
  beforeAll(async () => {
    res = openapiRoute();
    served = (await res.clone().json()) as OpenApiDocument;
  });

  it("serves the document as JSON with the app's URL as its server", () => {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(served.openapi).toBe("3.1.0");
    expect(served.servers).toEqual([{ url: env.APP_URL }]);
    expect(Object.keys(served.paths)).toEqual(Object.keys(doc.paths));
  });
});
