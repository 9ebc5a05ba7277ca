import { describe, expect, it } from "vitest";
import { POST as usage } from "@/app/api/v1/usage/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as models } from "@/app/api/v1/models/route";
import { GET as entitlementRoute } from "@/app/api/v1/entitlements/[featureKey]/route";
import { db } from "@/lib/db";
import { apiWorkspace, startOfAMinute, usageRequest } from "@/test/metering";
import { invalidateCatalogSnapshot } from "./catalog-cache";

const STANDARD = "poster-editor:inpaint-standard";

async function call(key: string | null, body: unknown, headers: Record<string, string> = {}) {
  const res = await usage(usageRequest(key, body, headers));
  return { status: res.status, headers: res.headers, body: await res.json() };
}

function expectRateHeaders(h: Headers) {
  expect(Number(h.get("x-ratelimit-limit"))).toBeGreaterThan(0);
  expect(h.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
  expect(Number(h.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
}

describe("POST /api/v1/usage", () => {
  it("charges and answers with the SPEC's body and headers; a replay is marked and free", async () => {
    const { key } = await apiWorkspace({ balance: 100_000n });
    const first = await call(key, { model: STANDARD, quantity: 2 }, { "Idempotency-Key": "k1" });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^evt_/),
      model: STANDARD,
      billedTo: "credits",
      charged: { millicredits: 24_000, credits: "24" },
      balance: { millicredits: 76_000, credits: "76" },
      quota: null,
    });
    expectRateHeaders(first.headers);
    expect(first.headers.get("x-credits-remaining")).toBe("76");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const replay = await call(key, { model: STANDARD, quantity: 2 }, { "Idempotency-Key": "k1" });
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
  });

  it("400 invalid_request with the zod issues", async () => {
    const { key } = await apiWorkspace({ balance: 100_000n });
    const res = await call(key, { model: STANDARD, quantity: -1, extra: true });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: "invalid_request",
      issues: expect.arrayContaining([expect.objectContaining({ path: ["quantity"] })]),
    });
    expectRateHeaders(res.headers);
    expect((await call(key, "{not json")).body.error.code).toBe("invalid_request");
  });

  it("401 invalid_api_key for a missing, unknown, revoked or expired key", async () => {
    const { key, apiKey } = await apiWorkspace({ balance: 100_000n });
    for (const k of [null, "tg_unknown"]) {
      const res = await call(k, { model: STANDARD });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("invalid_api_key");
      expectRateHeaders(res.headers);
    }
    await db.apiKey.update({ where: { id: apiKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(key, { model: STANDARD })).status).toBe(401);
    await db.apiKey.update({ where: { id: apiKey.id }, data: { expiresAt: null, revokedAt: new Date() } });
    expect((await call(key, { model: STANDARD })).status).toBe(401);
  });

  it("402 insufficient_credits with the required and available amounts, and nothing charged", async () => {
    const { key, workspace } = await apiWorkspace({ balance: 20_000n });
    const res = await call(key, { model: STANDARD, quantity: 2 });
    expect(res.status).toBe(402);
    expect(res.body.error).toMatchObject({
      code: "insufficient_credits",
      requiredMillicredits: 24_000,
      balanceMillicredits: 20_000,
    });
    expect(res.headers.get("x-credits-remaining")).toBe("20");
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("402 spend_cap_reached when the key's monthly cap would be exceeded", async () => {
    const { key } = await apiWorkspace({ balance: 1_000_000n, cap: 30_000n });
    expect((await call(key, { model: STANDARD, quantity: 2 })).status).toBe(200);
    const res = await call(key, { model: STANDARD, quantity: 1 });
    expect(res.status).toBe(402);
    expect(res.body.error.code).toBe("spend_cap_reached");
  });

  it("403 model_not_allowed names the tier that has the model", async () => {
    const { key } = await apiWorkspace({ balance: 1_000_000n });
    const res = await call(key, { model: "poster-editor:super-resolution" });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "model_not_allowed", requiredTier: "enterprise" });
  });

  it("403 workspace_suspended", async () => {
    const { key, workspace } = await apiWorkspace({ balance: 1_000_000n });
    await db.workspace.update({ where: { id: workspace.id }, data: { suspendedAt: new Date() } });
    const res = await call(key, { model: STANDARD });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("workspace_suspended");
  });

  it("404 model_not_found for unknown and disabled models", async () => {
    const { key } = await apiWorkspace({ balance: 1_000_000n });
    expect((await call(key, { model: "nope:nothing" })).body.error.code).toBe("model_not_found");
    await db.model.update({ where: { key: "video-mixer:mix-basic" }, data: { enabled: false } });
    invalidateCatalogSnapshot();
    const res = await call(key, { model: "video-mixer:mix-basic" });
    await db.model.update({ where: { key: "video-mixer:mix-basic" }, data: { enabled: true } });
    invalidateCatalogSnapshot();
    expect(res.status).toBe(404);
  });

  it("409 idempotency_key_reused for the same key with another body", async () => {
    const { key } = await apiWorkspace({ balance: 1_000_000n });
    await call(key, { model: STANDARD }, { "Idempotency-Key": "same" });
    const res = await call(key, { model: STANDARD, quantity: 3 }, { "Idempotency-Key": "same" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("idempotency_key_reused");
  });

  it("429 quota_exceeded with resetsAt, Retry-After and the quota headers", async () => {
    const { key } = await apiWorkspace({ tier: "starter", accountType: "subscription" });
    const ok = await call(key, { model: STANDARD, quantity: 500 });
    expect(ok.headers.get("x-quota-limit")).toBe("500");
    expect(ok.headers.get("x-quota-remaining")).toBe("0");
    const res = await call(key, { model: STANDARD });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe("quota_exceeded");
    expect(new Date(res.body.error.resetsAt).getUTCHours()).toBe(0);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.headers.get("x-quota-remaining")).toBe("0");
  });

  it("429 rate_limited past the tier's per-minute limit, with Retry-After", async () => {
    const { key } = await apiWorkspace({ balance: 10_000_000n }); // free tier: 20 a minute
    await startOfAMinute();
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await call(key, { model: STANDARD })).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    const res = await call(key, { model: STANDARD });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe("rate_limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
  });
});

describe("read endpoints", () => {
  const get = (handler: (r: Request) => Promise<Response>, key: string, path = "/") =>
    handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } }));

  it("GET /me shows the plan, balance, quota, rate limit and entitlements", async () => {
    const { key } = await apiWorkspace({ tier: "pro", accountType: "subscription", balance: 5_000n });
    const res = await get(me, key);
    expect(res.status).toBe(200);
    expectRateHeaders(res.headers);
    const body = await res.json();
    expect(body).toMatchObject({
      tier: { code: "pro" },
      accountType: "subscription",
      balance: { millicredits: 5000, credits: "5" },
      quota: { used: 0, limit: 3000 },
      rateLimit: { perMinute: 300 },
      plan: {
        tier: "pro",
        interval: "month",
        status: "active",
        priceCents: 7_900,
        includedMillicredits: 100_000_000,
        dailyQuota: 3000,
        rateLimitPerMinute: 300,
        seats: 10,
      },
      entitlements: {
        team_seats: { allowed: true, limit: 10 },
        priority_support: { allowed: true, limit: null },
      },
    });
    expect(body.entitlements.white_label).toBeUndefined();
  });

  it("GET /models lists every enabled model with access and price after the tier's markup", async () => {
    const { key } = await apiWorkspace({ tier: "starter", accountType: "subscription" });
    const body = await (await get(models, key)).json();
    const byKey = Object.fromEntries(body.data.map((m: { model: string }) => [m.model, m]));
    expect(byKey[STANDARD]).toMatchObject({
      allowed: true,
      price: { perUnit: { millicredits: 11_000, credits: "11" } },
    });
    expect(byKey["poster-editor:inpaint-pro"]).toMatchObject({ allowed: false, requiredTier: "pro" });
    expect(byKey["chat:gpt-4o-mini"].price).toEqual({
      per1kInputTokens: { millicredits: 165, credits: "0.165" },
      per1kOutputTokens: { millicredits: 660, credits: "0.66" },
    });
  });

  it("GET /entitlements/{feature} answers allowed and limit", async () => {
    const { key } = await apiWorkspace({ tier: "starter", accountType: "subscription" });
    const seats = await entitlementRoute(
      new Request("http://localhost/", { headers: { authorization: `Bearer ${key}` } }),
      { params: Promise.resolve({ featureKey: "team_seats" }) },
    );
    expect(await seats.json()).toEqual({ feature: "team_seats", allowed: true, limit: 3 });
    const wl = await entitlementRoute(
      new Request("http://localhost/", { headers: { authorization: `Bearer ${key}` } }),
      { params: Promise.resolve({ featureKey: "white_label" }) },
    );
    expect(await wl.json()).toEqual({ feature: "white_label", allowed: false, limit: null });
  });
});
