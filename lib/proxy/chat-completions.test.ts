import OpenAI, { APIError } from "openai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { clearProviderKeyCache, saveProviderKey } from "@/lib/byok/keys";
import { creditsString } from "@/lib/catalog/money";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { chatPrice, startChatProxy } from "@/test/chat-proxy";
import { STAND_IN_CONTENT } from "@/test/openai-stand-in";
import { apiWorkspace, ledgerSum } from "@/test/metering";

const PLATFORM_KEY = "sk-platform-test-key-0000";
const CHAT = "chat:gpt-4o-mini";
const CONTENT = STAND_IN_CONTENT.join("");

let proxy: Awaited<ReturnType<typeof startChatProxy>>;
let standIn: typeof proxy.standIn;
let baseURL: string;

beforeAll(async () => {
  proxy = await startChatProxy(PLATFORM_KEY);
  ({ standIn, baseURL } = proxy);
});

afterAll(() => proxy.close());

/** Everything written to the console, stdout and stderr until stop(): where a leaked secret would show. */
function captureOutput() {
  const chunks: string[] = [];
  const methods = ["log", "info", "warn", "error", "debug"] as const;
  const spies = methods.map((m) =>
    vi
      .spyOn(console, m)
      .mockImplementation(
        (...args: unknown[]) =>
          void chunks.push(
            args
              .map((a) =>
                a instanceof Error
                  ? `${a.message} ${a.stack}`
                  : typeof a === "string"
                    ? a
                    : JSON.stringify(a),
              )
              .join(" "),
          ),
      ),
  );
  const writes = [process.stdout, process.stderr].map((stream) =>
    vi
      .spyOn(stream, "write")
      .mockImplementation((chunk: string | Uint8Array) => (chunks.push(String(chunk)), true)),
  );
  return {
    stop() {
      for (const spy of [...spies, ...writes]) spy.mockRestore();
      return chunks.join("\n");
    },
  };
}

const client = (apiKey: string) => new OpenAI({ apiKey, baseURL, maxRetries: 0 });
const messages = [{ role: "user" as const, content: "Say hello." }];
const balance = async (id: string) =>
  (await db.workspace.findUniqueOrThrow({ where: { id } })).balanceMillicredits;

/** What the workspace should pay for the stand-in's reported tokens at its tier's markup. */
async function expectedPrice(key: string) {
  const { prompt_tokens: inputTokens, completion_tokens: outputTokens } = standIn.state.usage;
  return chatPrice(key, CHAT, { inputTokens, outputTokens });
}

async function expectApiError(call: Promise<unknown>, status: number, code: string) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(APIError);
  expect(error).toMatchObject({ status, code });
}

describe("POST /api/v1/chat/completions through the OpenAI client", () => {
  it("answers a non-streamed completion and charges exactly the provider-reported tokens", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    const { data: completion, response } = await client(key)
      .chat.completions.create({ model: CHAT, messages, max_tokens: 200 })
      .withResponse();
    expect(completion.choices[0].message.content).toBe(CONTENT);
    expect(response.headers.get("x-ratelimit-limit")).toMatch(/^\d+$/);
    expect(response.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
    const sent = standIn.requests.at(-1)!;
    expect(sent.authorization).toBe(`Bearer ${PLATFORM_KEY}`);
    expect(sent.body).toMatchObject({ model: "gpt-4o-mini", max_tokens: 200 });

    const price = await expectedPrice(key);
    expect(price).toBeGreaterThan(0n);
    expect(await balance(workspace.id)).toBe(1_000_000n - price);
    expect(await ledgerSum(workspace.id)).toBe(1_000_000n - price);
    expect(response.headers.get("x-credits-remaining")).toBe(creditsString(1_000_000n - price));
    const [reservation] = await db.reservation.findMany({ where: { workspaceId: workspace.id } });
    expect(reservation.status).toBe("committed");
    const event = await db.usageEvent.findFirstOrThrow({ where: { id: reservation.usageEventId! } });
    expect(event).toMatchObject({
      billedTo: "credits",
      chargedMillicredits: price,
      inputTokens: 1_234n,
      outputTokens: 567n,
    });
    expect(event.metadata).toMatchObject({ proxy: true, upstreamId: completion.id });
  });

  it("streams the provider's chunks through and commits the usage from the final chunk", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    const stream = await client(key).chat.completions.create({ model: CHAT, messages, stream: true });
    let text = "";
    let id = "";
    for await (const chunk of stream) {
      id = chunk.id;
      text += chunk.choices[0]?.delta.content ?? "";
    }
    expect(text).toBe(CONTENT);
    expect(standIn.requests.at(-1)!.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });

    const price = await expectedPrice(key);
    expect(await balance(workspace.id)).toBe(1_000_000n - price);
    expect(await ledgerSum(workspace.id)).toBe(1_000_000n - price);
    const [reservation] = await db.reservation.findMany({ where: { workspaceId: workspace.id } });
    expect(reservation.status).toBe("committed");
    const event = await db.usageEvent.findFirstOrThrow({ where: { id: reservation.usageEventId! } });
    expect(event).toMatchObject({ chargedMillicredits: price, inputTokens: 1_234n, outputTokens: 567n });
    expect(event.metadata).toMatchObject({ proxy: true, upstreamId: id, stream: true });
  });

  it("uses the workspace's own key when it has one: billed byok, no markup, nothing charged", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000n });
    const logged = captureOutput();
    await saveProviderKey(null, workspace.id, { provider: "openai", apiKey: "sk-workspace-own-key-abcd" });
    const completion = await client(key).chat.completions.create({
      model: CHAT,
      messages,
      max_tokens: 100_000,
    });
    expect(completion.choices[0].message.content).toBe(CONTENT);
    expect(standIn.requests.at(-1)!.authorization).toBe("Bearer sk-workspace-own-key-abcd");

    const stream = await client(key).chat.completions.create({ model: CHAT, messages, stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe(CONTENT);

    const events = await db.usageEvent.findMany({ where: { workspaceId: workspace.id } });
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event).toMatchObject({
        billedTo: "byok",
        markupBps: 0,
        chargedMillicredits: 0n,
        quotaUnits: 0,
        inputTokens: 1_234n,
        outputTokens: 567n,
      });
      expect(event.metadata).toMatchObject({ proxy: true });
    }
    expect(await balance(workspace.id)).toBe(1_000n);
    expect(await db.reservation.count({ where: { workspaceId: workspace.id } })).toBe(0);

    // A provider refusing the workspace's key (its message quoting the key) logs nothing with it.
    standIn.state.failNext = {
      status: 401,
      message: "Incorrect API key provided: sk-workspace-own-key-abcd",
    };
    await client(key)
      .chat.completions.create({ model: CHAT, messages })
      .catch(() => null);
    const output = logged.stop();
    expect(output).not.toContain("sk-workspace-own-key-abcd");
    clearProviderKeyCache();
  });

  it("refuses unknown, non-chat and not-allowed models, a balance that cannot cover the hold, and a bad key", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 100n });
    const calls = standIn.requests.length;
    await expectApiError(
      client(key).chat.completions.create({ model: "chat:nope", messages }),
      404,
      "model_not_found",
    );
    await expectApiError(
      client(key).chat.completions.create({ model: "poster-editor:inpaint-standard", messages }),
      404,
      "model_not_found",
    );
    await expectApiError(
      client(key).chat.completions.create({ model: "chat:gpt-4o", messages }),
      403,
      "model_not_allowed",
    );
    await expectApiError(
      client(key).chat.completions.create({ model: CHAT, messages, max_tokens: 10_000 }),
      402,
      "insufficient_credits",
    );
    await expectApiError(
      client("tg_not_a_real_key").chat.completions.create({ model: CHAT, messages }),
      401,
      "invalid_api_key",
    );
    expect(standIn.requests.length).toBe(calls);
    expect(await balance(workspace.id)).toBe(100n);
  });

  it("hides a refused platform key from the caller as a 502, and charges nothing", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    standIn.state.failNext = { status: 401, message: `Incorrect API key provided: ${PLATFORM_KEY}` };
    const error = await client(key)
      .chat.completions.create({ model: CHAT, messages })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ status: 502, code: "provider_auth_failed" });
    expect(JSON.stringify(error)).not.toContain(PLATFORM_KEY);
    expect(await balance(workspace.id)).toBe(1_000_000n);
  });

  it("returns the provider's error, releases the hold and charges nothing when the provider fails", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    for (const stream of [false, true]) {
      standIn.state.failNext = { status: 500, message: "upstream exploded" };
      const error = await client(key)
        .chat.completions.create({ model: CHAT, messages, stream })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(APIError);
      expect(error).toMatchObject({ status: 500, message: expect.stringContaining("upstream exploded") });
    }

    const reservations = await db.reservation.findMany({ where: { workspaceId: workspace.id } });
    expect(reservations.map((r) => r.status)).toEqual(["released", "released"]);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await balance(workspace.id)).toBe(1_000_000n);
    expect(await ledgerSum(workspace.id)).toBe(1_000_000n);
  });
});

describe("OpenAI compatibility (SPEC §8.4)", () => {
  it("lists and retrieves models in OpenAI's shape, and answers an unknown model with a JSON 404", async () => {
    const { key } = await apiWorkspace({ balance: 1_000n });
    const openai = client(key);
    const listed = [];
    for await (const m of openai.models.list()) listed.push(m);
    const chat = listed.find((m) => m.id === CHAT)!;
    expect(chat).toMatchObject({ object: "model", owned_by: "openai", type: "chat", model: CHAT });
    expect(chat.created).toBeGreaterThan(1_600_000_000);
    // Every enabled model is listed (SPEC §3); the non-chat ones say so.
    expect(listed.find((m) => m.id === "poster-editor:inpaint-standard")).toMatchObject({ type: "metered" });

    const one = await openai.models.retrieve(CHAT);
    expect(one).toMatchObject({ id: CHAT, object: "model", owned_by: "openai", allowed: true });
    await expectApiError(openai.models.retrieve("chat:nope"), 404, "model_not_found");
  });

  it("sends the usage chunk only to a client that asked for it, and meters from it either way", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    const price = await expectedPrice(key);
    for (const includeUsage of [false, true]) {
      const stream = await client(key).chat.completions.create({
        model: CHAT,
        messages,
        stream: true,
        ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
      });
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      const usageChunks = chunks.filter((c) => c.choices.length === 0);
      expect(usageChunks.length).toBe(includeUsage ? 1 : 0);
      if (includeUsage) expect(usageChunks[0].usage).toMatchObject({ prompt_tokens: 1_234 });
      expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe(CONTENT);
      expect(standIn.requests.at(-1)!.body).toMatchObject({ stream_options: { include_usage: true } });
    }
    expect(await balance(workspace.id)).toBe(1_000_000n - 2n * price);
  });

  it("passes the provider's 429 Retry-After through, with the balance after the hold came back", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    standIn.state.failNext = { status: 429, message: "Slow down.", headers: { "retry-after": "7" } };
    const error = await client(key)
      .chat.completions.create({ model: CHAT, messages })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(429);
    expect((error as APIError).headers?.get("retry-after")).toBe("7");
    expect((error as APIError).headers?.get("x-credits-remaining")).toBe(creditsString(1_000_000n));
    expect(await balance(workspace.id)).toBe(1_000_000n);
  });

  it("gives up on a provider that does not answer in UPSTREAM_TIMEOUT_MS: 504, hold released", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    const before = env.UPSTREAM_TIMEOUT_MS;
    env.UPSTREAM_TIMEOUT_MS = 300;
    standIn.state.delayMs = 3_000;
    try {
      const started = Date.now();
      await expectApiError(
        client(key).chat.completions.create({ model: CHAT, messages }),
        504,
        "upstream_timeout",
      );
      expect(Date.now() - started).toBeLessThan(2_500);
    } finally {
      env.UPSTREAM_TIMEOUT_MS = before;
      standIn.state.delayMs = 0;
    }
    const [reservation] = await db.reservation.findMany({ where: { workspaceId: workspace.id } });
    expect(reservation.status).toBe("released");
    expect(await balance(workspace.id)).toBe(1_000_000n);
  });

  it("replays a finished call sent with the same Idempotency-Key: same body, charged once", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    const openai = client(key);
    const headers = { "Idempotency-Key": "chat-job-1" };
    const calls = standIn.requests.length;
    const first = await openai.chat.completions.create({ model: CHAT, messages }, { headers }).withResponse();
    const again = await openai.chat.completions.create({ model: CHAT, messages }, { headers }).withResponse();
    expect(again.data).toEqual(first.data);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(standIn.requests.length).toBe(calls + 1);
    const price = await expectedPrice(key);
    expect(await balance(workspace.id)).toBe(1_000_000n - price);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(1);

    // The same key with another body, or a streamed call's key, is refused: never charged twice.
    await expectApiError(
      openai.chat.completions.create({ model: CHAT, messages, max_tokens: 5 }, { headers }),
      409,
      "idempotency_key_reused",
    );
    const streamHeaders = { "Idempotency-Key": "chat-stream-1" };
    const stream = await openai.chat.completions.create(
      { model: CHAT, messages, stream: true },
      { headers: streamHeaders },
    );
    for await (const chunk of stream) void chunk;
    await expectApiError(
      openai.chat.completions.create({ model: CHAT, messages, stream: true }, { headers: streamHeaders }),
      409,
      "idempotency_key_reused",
    );
    expect(await balance(workspace.id)).toBe(1_000_000n - 2n * price);
  });
});
