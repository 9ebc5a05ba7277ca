import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as usage } from "@/app/api/v1/usage/route";
import { POST as batch } from "@/app/api/v1/usage/batch/route";
import { db } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { apiWorkspace, ledgerSum, startOfAMinute, usageRequest } from "@/test/metering";
import { subscribe } from "@/test/factories";
import { forgetCallers } from "./authenticate";

// The charging routes' one round trip: a key this process has authenticated is remembered, and the
// next call authenticates, counts and charges in one statement that charges nothing unless the
// database still agrees with the memory (lib/metering/authenticate.ts, caller-cache.ts).

const STANDARD = "poster-editor:inpaint-standard";
const PRO_ONLY = "poster-editor:inpaint-pro";

async function call(key: string, body: unknown, headers: Record<string, string> = {}, route = usage) {
  const res = await route(usageRequest(key, body, headers));
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** The statements the metering pool ran while `run` ran (after earlier calls' background reads). */
async function statements<T>(run: () => Promise<T>) {
  const spy = vi.spyOn(pool(), "query");
  // After a charge, the alerts trigger reads the auto top-up and the last top-up in the background
  // (once per 30 s per workspace): let them finish first.
  for (let seen = -1; seen !== spy.mock.calls.length;) {
    seen = spy.mock.calls.length;
    await new Promise((r) => setTimeout(r, 150));
  }
  spy.mockClear();
  try {
    const result = await run();
    return { result, count: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

const charged = (workspaceId: string) => db.usageEvent.count({ where: { workspaceId } });

afterEach(() => forgetCallers());

describe("one round trip per call", () => {
  it("a warm key is authenticated, counted and charged in one statement; a cold one in two", async () => {
    const { key } = await apiWorkspace({ balance: 1_000_000n });
    const cold = await statements(() => call(key, { model: STANDARD }));
    expect(cold.result.status).toBe(200);
    expect(cold.count).toBeGreaterThanOrEqual(2); // authenticate, then charge (and lastUsedAt once a minute)
    const warm = await statements(() => call(key, { model: STANDARD }));
    expect(warm.result.status).toBe(200);
    expect(warm.count).toBe(1);
    expect(warm.result.body.balance.millicredits).toBe(1_000_000 - 2 * 12_000);
    expect(warm.result.headers.get("x-ratelimit-remaining")).toBe("18"); // free tier: 20 a minute
    const many = await statements(() =>
      call(key, { events: [{ model: STANDARD }, { model: STANDARD, quantity: 2 }] }, {}, batch),
    );
    expect(many.count).toBe(1);
    expect(many.result.body.results.map((r: { status: number }) => r.status)).toEqual([200, 200]);
  });

  it("a revoked key answers 401 on the very next call, and nothing is charged", async () => {
    const { key, apiKey, workspace } = await apiWorkspace({ balance: 1_000_000n });
    expect((await call(key, { model: STANDARD })).status).toBe(200);
    await db.apiKey.update({ where: { id: apiKey.id }, data: { revokedAt: new Date() } });
    const res = await call(key, { model: STANDARD });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("invalid_api_key");
    expect(await charged(workspace.id)).toBe(1);
    // A bad body too: the key is refused first, as on the two-step path.
    expect((await call(key, { model: STANDARD, quantity: -1 })).status).toBe(401);
  });

  it("a suspension answers 403 on the very next call, and lifting it works at once", async () => {
    const { key, workspace } = await apiWorkspace({ balance: 1_000_000n });
    expect((await call(key, { model: STANDARD })).status).toBe(200);
    await db.workspace.update({ where: { id: workspace.id }, data: { suspendedAt: new Date() } });
    const res = await call(key, { model: STANDARD });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("workspace_suspended");
    // Two events: the set function (tollgate_charge_usage_batch) under the same guard.
    expect((await call(key, { events: [{ model: STANDARD }, { model: STANDARD }] }, {}, batch)).status).toBe(
      403,
    );
    expect(await charged(workspace.id)).toBe(1);
    await db.workspace.update({ where: { id: workspace.id }, data: { suspendedAt: null } });
    expect((await call(key, { model: STANDARD })).status).toBe(200);
  });

  it("a plan upgrade prices the very next call at the new tier, and opens its models", async () => {
    const { key, workspace } = await apiWorkspace({ balance: 1_000_000n });
    expect((await call(key, { model: STANDARD })).body.charged.millicredits).toBe(12_000); // free: 20%
    const refused = await call(key, { model: PRO_ONLY });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("model_not_allowed");
    await subscribe(workspace.id, "pro");
    const upgraded = await call(key, { model: STANDARD });
    expect(upgraded.status).toBe(200);
    expect(upgraded.body.charged.millicredits).toBe(10_500); // pro: 5%
    expect(upgraded.headers.get("x-ratelimit-limit")).toBe("300");
    expect((await call(key, { model: PRO_ONLY })).status).toBe(200);
    // Once the memory matches again, one statement per call.
    expect((await statements(() => call(key, { model: STANDARD }))).count).toBe(1);
    expect(await ledgerSum(workspace.id)).toBe(1_000_000n - 12_000n - 2n * 10_500n - 42_000n);
  });

  it("warm refusals answer as on the two-step path: 402, spend cap, replay, 409, 404, 400", async () => {
    const { key, workspace } = await apiWorkspace({ balance: 30_000n, cap: 1_000_000n });
    expect((await call(key, { model: STANDARD }, { "Idempotency-Key": "a" })).status).toBe(200);
    const replay = await call(key, { model: STANDARD }, { "Idempotency-Key": "a" });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await call(key, { model: STANDARD, quantity: 2 }, { "Idempotency-Key": "a" })).status).toBe(409);
    const broke = await call(key, { model: STANDARD, quantity: 2 });
    expect(broke.status).toBe(402);
    expect(broke.body.error).toMatchObject({ code: "insufficient_credits", balanceMillicredits: 18_000 });
    expect((await call(key, { model: "nope:nothing" })).status).toBe(404);
    const bad = await call(key, { model: STANDARD, quantity: -1 });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("x-ratelimit-remaining")).toBe("14"); // every call counted once: 6 of 20
    expect(await ledgerSum(workspace.id)).toBe(18_000n);
  });

  it("counts the rate limit exactly across two instances: 20 of 40 parallel calls pass, 20 are refused uncharged", async () => {
    await startOfAMinute();
    const { key, workspace } = await apiWorkspace({ balance: 10_000_000n }); // free tier: 20 a minute
    // A second instance: its own copy of the modules, so its own memory of keys.
    vi.resetModules();
    const other = (await import("@/app/api/v1/usage/route")).POST;
    // Each instance remembers the key after one call (2 of the 20).
    expect((await call(key, { model: STANDARD })).status).toBe(200);
    expect((await call(key, { model: STANDARD }, {}, other)).status).toBe(200);
    const results = await Promise.all(
      Array.from({ length: 38 }, (_, i) => call(key, { model: STANDARD }, {}, i % 2 ? other : usage)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(18);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    for (const r of results.filter((r) => r.status === 429)) {
      expect(r.body.error.code).toBe("rate_limited");
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(r.headers.get("x-ratelimit-remaining")).toBe("0");
    }
    expect(await charged(workspace.id)).toBe(20);
    expect(await ledgerSum(workspace.id)).toBe(10_000_000n - 20n * 12_000n);
  });
});
