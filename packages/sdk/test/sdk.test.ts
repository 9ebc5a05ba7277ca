import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { apiWorkspace, ledgerSum, teamWorkspace } from "@/test/metering";
import { startRouteServer } from "@/test/route-server";
import { SDK_ROUTES } from "@/test/v1-routes";
import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  InsufficientCreditsError,
  ModelNotAllowedError,
  ModelNotFoundError,
  NotFoundError,
  QuotaExceededError,
  RateLimitedError,
  SpendCapReachedError,
  Tollgate,
  TollgateError,
  ValidationError,
  guard,
  tollgateExpress,
  withTollgate,
} from "../src/index";

// @tollgate/sdk against the real route handlers over real HTTP (test/route-server.ts) and the real
// database: every method, every error class, retries after a dropped connection, and meter().

const ADMIN_KEY = "tga_sdk_contract_test_0123456789";
env.TOLLGATE_ADMIN_API_KEY = ADMIN_KEY;
const STANDARD = "poster-editor:inpaint-standard";
const CHAT = "chat:gpt-4o-mini";

let server: Awaited<ReturnType<typeof startRouteServer>>;
beforeAll(async () => {
  server = await startRouteServer(SDK_ROUTES);
});
afterAll(() => server.close());

const sdk = (apiKey: string, extra: Partial<ConstructorParameters<typeof Tollgate>[0]> = {}) =>
  new Tollgate({ apiKey, baseUrl: server.url, ...extra });
const balance = async (id: string) =>
  (await db.workspace.findUniqueOrThrow({ where: { id } })).balanceMillicredits;

async function rejection<E extends TollgateError>(call: Promise<unknown>, Class: new (...a: never[]) => E) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Class);
  expect(error).toBeInstanceOf(TollgateError);
  return error as E;
}

describe("@tollgate/sdk against the real API", () => {
  it("usage.create charges once per idempotency key it generates; usage.batch charges each event", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    const tollgate = sdk(key);
    const charged = await tollgate.usage.create({ model: STANDARD, quantity: 2 });
    expect(charged).toMatchObject({ model: STANDARD, billedTo: "credits" });
    expect(charged.charged.millicredits).toBeGreaterThan(0);
    expect(await balance(workspace.id)).toBe(BigInt(charged.balance.millicredits));
    const event = await db.usageEvent.findFirstOrThrow({ where: { id: charged.id } });
    expect(event.idempotencyKey).toMatch(/^tg-sdk-/);

    const batch = await tollgate.usage.batch([
      { model: STANDARD },
      { model: STANDARD, idempotencyKey: "b-1" },
    ]);
    expect(batch.results.map((r) => r.status)).toEqual([200, 200]);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(3);
    expect(await ledgerSum(workspace.id)).toBe(await balance(workspace.id));
  });

  it("retries a dropped connection with the same Idempotency-Key: the call is charged once", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    const sent: string[] = [];
    let dropped = false;
    // The server processes the first request; its answer is lost on the way back.
    const flaky: typeof fetch = async (input, init) => {
      sent.push(new Headers(init?.headers).get("idempotency-key") ?? "");
      const res = await fetch(input, init);
      if (!dropped) {
        dropped = true;
        await res.arrayBuffer();
        throw new TypeError("fetch failed: socket hang up");
      }
      return res;
    };
    const result = await sdk(key, { fetch: flaky }).usage.create({ model: STANDARD, quantity: 1 });
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe(sent[1]);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await balance(workspace.id)).toBe(1_000_000n - BigInt(result.charged.millicredits));

    // Without any answer at all, it gives up with a ConnectionError after its retries.
    const down = sdk(key, { baseUrl: "http://127.0.0.1:9", maxRetries: 1 });
    await rejection(down.usage.create({ model: STANDARD }), ConnectionError);
  });

  it("waits for Retry-After on a 5xx and retries; never retries a refusal that could double-charge", async () => {
    const { key } = await apiWorkspace({ balance: 1_000_000n });
    const calls: { at: number; key: string | null }[] = [];
    let outage = true;
    const flaky: typeof fetch = async (input, init) => {
      calls.push({ at: Date.now(), key: new Headers(init?.headers).get("idempotency-key") });
      if (outage) {
        outage = false;
        return Response.json(
          { error: { code: "provider_unavailable", message: "Down for a moment." } },
          { status: 503, headers: { "Retry-After": "1" } },
        );
      }
      return fetch(input, init);
    };
    await sdk(key, { fetch: flaky }).usage.create({ model: STANDARD });
    expect(calls).toHaveLength(2);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(950);
    expect(calls[1].key).toBe(calls[0].key);

    let count = 0;
    const counting: typeof fetch = (input, init) => (count++, fetch(input, init));
    await rejection(
      sdk(key, { fetch: counting }).usage.create({ model: STANDARD, quantity: 1e9 }),
      TollgateError,
    );
    expect(count).toBe(1);
  });

  it("reservations: create, commit the actual usage, release", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    const tollgate = sdk(key);
    const hold = await tollgate.reservations.create({ model: CHAT, inputTokens: 1_000, outputTokens: 1_000 });
    expect(hold.id).toMatch(/^res_/);
    const committed = await tollgate.reservations.commit(hold.id, { inputTokens: 100, outputTokens: 50 });
    expect(committed.reservation).toMatchObject({ id: hold.id, status: "committed" });
    expect(committed.charged.millicredits).toBeLessThan(hold.held.millicredits);
    await rejection(tollgate.reservations.commit(hold.id, { inputTokens: 1 }), ConflictError);

    const other = await tollgate.reservations.create({ model: CHAT, inputTokens: 10, outputTokens: 10 });
    const released = await tollgate.reservations.release(other.id);
    expect(released).toMatchObject({ id: other.id, status: "released", released: other.held });
    expect(await balance(workspace.id)).toBe(BigInt(committed.balance.millicredits));
  });

  it("reads: me(), models.list(), models.retrieve(), entitlements.get(), pricing()", async () => {
    const { workspace, key } = await apiWorkspace({
      tier: "pro",
      accountType: "subscription",
      balance: 5_000n,
    });
    const tollgate = sdk(key);
    const me = await tollgate.me();
    expect(me).toMatchObject({
      workspace: { id: workspace.id },
      tier: { code: "pro" },
      balance: { millicredits: 5_000 },
    });
    const models = await tollgate.models.list();
    expect(models.find((m) => m.id === CHAT)).toMatchObject({ type: "chat", allowed: true });
    expect(await tollgate.models.retrieve(CHAT)).toMatchObject({ id: CHAT, object: "model" });
    await rejection(tollgate.models.retrieve("chat:nope"), ModelNotFoundError);
    expect(await tollgate.entitlements.get("team_seats")).toMatchObject({ feature: "team_seats" });
    // The public price list needs no valid key (none is sent).
    const catalog = await sdk("tg_not_a_real_key").pricing();
    expect(catalog.tiers.find((t) => t.code === "pro")).toMatchObject({ name: "Pro" });
    expect(catalog.apps.flatMap((a) => a.models).find((m) => m.key === CHAT)?.requiredTier).toBe("free");
  });

  it("sessions.create (admin key) mints a read-only token the browser can use", async () => {
    const { workspace } = await apiWorkspace({ balance: 7_000n });
    const admin = sdk(ADMIN_KEY);
    const session = await admin.sessions.create(workspace.id, { ttlSeconds: 300 });
    expect(session.token).toMatch(/^tgs_/);
    const browser = sdk(session.token);
    expect((await browser.me()).balance.millicredits).toBe(7_000);
    const refused = await rejection(browser.usage.create({ model: STANDARD }), AuthenticationError);
    expect(refused).toMatchObject({ status: 401, code: "invalid_api_key" });
    await rejection(admin.sessions.create(workspace.id, { ttlSeconds: 7_200 }), ValidationError);
    expect(session.memberId).toBeNull();
    expect((await browser.me()).member).toBeNull();

    // Scoped to one member of a team: me() shows that member's own monthly spend cap.
    const team = await teamWorkspace({ balance: 100_000n, members: [{}, { cap: 30_000n }] });
    const member = team.members[1].user.id;
    const scoped = await admin.sessions.create(team.workspace.id, { ttlSeconds: 300, memberId: member });
    expect(scoped.memberId).toBe(member);
    expect((await sdk(scoped.token).me()).member).toEqual({
      id: member,
      spendCap: expect.objectContaining({ capMillicredits: 30_000, spentMillicredits: 0 }),
    });
    await rejection(admin.sessions.create(team.workspace.id, { memberId: "nobody" }), NotFoundError);
  });

  it("throws the typed error for each refusal, with what the user can do", async () => {
    const poor = await apiWorkspace({ balance: 10n });
    const credits = await rejection(
      sdk(poor.key).usage.create({ model: STANDARD }),
      InsufficientCreditsError,
    );
    expect(credits).toMatchObject({ status: 402, code: "insufficient_credits", balanceMillicredits: 10 });
    expect(credits.requiredMillicredits).toBeGreaterThan(10);
    expect(credits.buyCreditsUrl).toMatch(/^https?:\/\//);

    const free = await apiWorkspace({ balance: 1_000_000n });
    const locked = await rejection(
      sdk(free.key).usage.create({ model: "video-generator:veo-3" }),
      ModelNotAllowedError,
    );
    expect(locked.requiredTier).toBeTruthy();
    expect(locked.upgradeUrl).toMatch(/^https?:\/\//);

    const capped = await apiWorkspace({ balance: 1_000_000n, cap: 1n });
    const cap = await rejection(sdk(capped.key).usage.create({ model: STANDARD }), SpendCapReachedError);
    expect(cap.capMillicredits).toBe(1);

    const sub = await apiWorkspace({ tier: "starter", accountType: "subscription" });
    await sdk(sub.key).usage.create({ model: STANDARD, quantity: 500 });
    const quota = await rejection(sdk(sub.key).usage.create({ model: STANDARD }), QuotaExceededError);
    expect(quota.resetsAt).toMatch(/T00:00:00/);
    expect(quota.retryAfterSeconds).toBeGreaterThan(0);

    await rejection(sdk("tg_not_a_real_key").me(), AuthenticationError);
    const invalid = await rejection(
      sdk(free.key).usage.create({ model: STANDARD, quantity: -1 }),
      ValidationError,
    );
    expect(invalid.issues.length).toBeGreaterThan(0);
    const tollgate = sdk(free.key);
    await tollgate.usage.create({ model: STANDARD }, { idempotencyKey: "same-key" });
    await rejection(
      tollgate.usage.create({ model: STANDARD, quantity: 2 }, { idempotencyKey: "same-key" }),
      ConflictError,
    );

    // The free tier allows 20 calls a minute: the 21st is refused, and not waited for (Retry-After > 10 s).
    const busy = await apiWorkspace({ balance: 10_000_000n });
    const reads = sdk(busy.key, { maxRetryDelayMs: 0 });
    const limited = await (async () => {
      for (let i = 0; i < 25; i++) await reads.me();
    })().then(
      () => null,
      (e: unknown) => e,
    );
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("meter(): charges first then runs; a refusal never runs the work", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 30_000n });
    const tollgate = sdk(key);
    const out = await tollgate.meter({ model: STANDARD, quantity: 1 }, async (charge) => `done:${charge.id}`);
    expect(out).toMatch(/^done:evt_/);
    const after = await balance(workspace.id);
    expect(after).toBeLessThan(30_000n);
    let ran = false;
    await rejection(
      tollgate.meter({ model: STANDARD, quantity: 1_000 }, async () => void (ran = true)),
      InsufficientCreditsError,
    );
    expect(ran).toBe(false);
    expect(await balance(workspace.id)).toBe(after);
  });

  it("meter.hold(): commits the actual usage on success, releases everything on failure", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    const tollgate = sdk(key);
    const committed = await tollgate.meter.hold(
      { model: CHAT, estimate: { inputTokens: 2_000, outputTokens: 2_000 } },
      async (hold) => {
        expect(hold.id).toMatch(/^res_/);
        return { inputTokens: 120, outputTokens: 80 };
      },
    );
    expect(committed.reservation.status).toBe("committed");
    const afterSuccess = await balance(workspace.id);
    expect(afterSuccess).toBe(1_000_000n - BigInt(committed.charged.millicredits));

    await expect(
      tollgate.meter.hold(
        { model: CHAT, estimate: { inputTokens: 2_000, outputTokens: 2_000 } },
        async () => {
          throw new Error("the model crashed");
        },
      ),
    ).rejects.toThrow("the model crashed");
    expect(await balance(workspace.id)).toBe(afterSuccess);
    const reservations = await db.reservation.findMany({
      where: { workspaceId: workspace.id },
      orderBy: { createdAt: "asc" },
    });
    expect(reservations.map((r) => r.status)).toEqual(["committed", "released"]);
    expect(await ledgerSum(workspace.id)).toBe(afterSuccess);
  });

  it("meter.stream(): passes an LLM's chunks through and commits the usage of the last one", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    const tollgate = sdk(key);
    async function* llm() {
      yield { choices: [{ delta: { content: "Hel" } }] };
      yield { choices: [{ delta: { content: "lo" } }] };
      yield { choices: [], usage: { prompt_tokens: 30, completion_tokens: 2 } };
    }
    let text = "";
    for await (const chunk of tollgate.meter.stream(
      { model: CHAT, estimate: { inputTokens: 100, outputTokens: 500 } },
      () => llm(),
    ))
      text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("Hello");
    const [event] = await db.usageEvent.findMany({ where: { workspaceId: workspace.id } });
    expect(event).toMatchObject({ inputTokens: 30n, outputTokens: 2n });
    expect(await balance(workspace.id)).toBe(1_000_000n - event.chargedMillicredits);
  });

  it("withTollgate(): the handler runs when charged; a refusal answers with Tollgate's status and body", async () => {
    const rich = await apiWorkspace({ balance: 1_000_000n });
    const poor = await apiWorkspace({ balance: 0n });
    const route = withTollgate(async () => Response.json({ poster: "ok" }), {
      client: (req) => sdk(req.headers.get("x-customer") === "poor" ? poor.key : rich.key),
      model: STANDARD,
    });
    const ok = await route(new Request("http://app.local/edit", { method: "POST" }));
    expect(await ok.json()).toEqual({ poster: "ok" });
    const refused = await route(
      new Request("http://app.local/edit", { method: "POST", headers: { "x-customer": "poor" } }),
    );
    expect(refused.status).toBe(402);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("insufficient_credits");
    expect(await db.usageEvent.count({ where: { workspaceId: rich.workspace.id } })).toBe(1);
  });

  it("tracker(): queues fire-and-forget usage, sends it in batches, and a lost send is charged once", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    let drop = true;
    const flaky: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (drop) {
        drop = false;
        await res.arrayBuffer();
        throw new TypeError("fetch failed");
      }
      return res;
    };
    const tracker = sdk(key, { fetch: flaky, maxRetries: 0 }).tracker({ intervalMs: 60_000 });
    tracker.track({ model: STANDARD });
    tracker.track({ model: STANDARD, quantity: 2 });
    await rejection(tracker.flush(), ConnectionError);
    expect(tracker.pending).toBe(2);
    const results = await tracker.flush();
    expect(results.map((r) => ("replayed" in r ? r.replayed : r.status))).toEqual([true, true]);
    expect(tracker.pending).toBe(0);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(2);
    expect(await ledgerSum(workspace.id)).toBe(await balance(workspace.id));
  });

  it("guard() and tollgateExpress(): go ahead when charged, answer the refusal otherwise", async () => {
    const rich = await apiWorkspace({ balance: 1_000_000n });
    const poor = await apiWorkspace({ balance: 0n });
    const check = guard({ client: sdk(rich.key), model: STANDARD, quantity: 2 });
    expect(
      await check(new Request("http://app.local/x", { headers: { "idempotency-key": "g-1" } })),
    ).toBeNull();
    expect(
      await check(new Request("http://app.local/x", { headers: { "idempotency-key": "g-1" } })),
    ).toBeNull();
    expect(await db.usageEvent.count({ where: { workspaceId: rich.workspace.id } })).toBe(1);

    // Express is not a dependency here: its request and response, as the middleware uses them.
    const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
    type Res = {
      status(code: number): Res;
      set(name: string, value: string): void;
      json(body: unknown): void;
    };
    const res: Res = {
      status(code: number) {
        sent.status = code;
        return res;
      },
      set: (name: string, value: string) => void (sent.headers[name] = value),
      json: (body: unknown) => void (sent.body = body),
    };
    const nexted = await new Promise<boolean>((resolve) => {
      const original = res.json;
      res.json = (body: unknown) => (original(body), resolve(false));
      tollgateExpress({ client: sdk(poor.key), model: STANDARD })(
        { headers: {}, method: "POST", url: "/edit" },
        res,
        () => resolve(true),
      );
    });
    expect(nexted).toBe(false);
    expect(sent.status).toBe(402);
    expect(sent.body).toMatchObject({ error: { code: "insufficient_credits" } });
  });
});
