import OpenAI, { APIError } from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { chatPrice, startChatProxy } from "@/test/chat-proxy";
import { apiWorkspace, ledgerSum } from "@/test/metering";
import { STAND_IN_CONTENT } from "@/test/openai-stand-in";
import { estimateTokens } from "./chat-completions";
import { chatRequestHash, dropExpiredChatClaims } from "./idempotency";

// The chat proxy when calls overlap or the provider goes quiet: one Idempotency-Key sent twice at
// once is charged once, and a stalled stream is ended, settled on what was delivered, never left
// holding credits.

const CHAT = "chat:gpt-4o-mini";
const CONTENT = STAND_IN_CONTENT.join("");
const messages = [{ role: "user" as const, content: "Say hello." }];

let proxy: Awaited<ReturnType<typeof startChatProxy>>;
beforeAll(async () => {
  proxy = await startChatProxy("sk-platform-robustness-0000");
});
afterAll(() => proxy.close());
afterEach(() => {
  Object.assign(proxy.standIn.state, { delayMs: 0, stallAfterWords: null, chunkDelayMs: 0, failNext: null });
});

const client = (apiKey: string) => new OpenAI({ apiKey, baseURL: proxy.baseURL, maxRetries: 0 });
const balance = async (id: string) =>
  (await db.workspace.findUniqueOrThrow({ where: { id } })).balanceMillicredits;
const reported = (key: string) => {
  const { prompt_tokens: inputTokens, completion_tokens: outputTokens } = proxy.standIn.state.usage;
  return chatPrice(key, CHAT, { inputTokens, outputTokens });
};
const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ value, error: null }),
    (error: unknown) => ({ value: null, error }),
  );

/** Nothing left held or claimed, and the ledger agrees with the balance. */
async function expectSettled(workspaceId: string) {
  expect(await db.reservation.count({ where: { workspaceId, status: "held" } })).toBe(0);
  expect(await db.chatCallClaim.count({ where: { workspaceId } })).toBe(0);
  expect(await ledgerSum(workspaceId)).toBe(await balance(workspaceId));
}

describe("concurrent calls with one Idempotency-Key", () => {
  it("charges once: the calls that arrive while the first is in flight wait and replay its answer", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    proxy.standIn.state.delayMs = 500;
    const calls = proxy.standIn.requests.length;
    const headers = { "Idempotency-Key": "parallel-1" };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        client(key).chat.completions.create({ model: CHAT, messages }, { headers }).withResponse(),
      ),
    );
    expect(proxy.standIn.requests.length).toBe(calls + 1);
    const ids = new Set(answers.map((a) => a.data.id));
    expect(ids.size).toBe(1);
    for (const a of answers) expect(a.data.choices[0].message.content).toBe(CONTENT);
    expect(answers.filter((a) => a.response.headers.get("idempotent-replayed") === "true")).toHaveLength(3);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await balance(workspace.id)).toBe(1_000_000n - (await reported(key)));
    await expectSettled(workspace.id);
  });

  it("refuses another body with the key in flight (409), and a streamed call's key at once", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    proxy.standIn.state.delayMs = 500;
    const headers = { "Idempotency-Key": "parallel-2" };
    const first = settle(client(key).chat.completions.create({ model: CHAT, messages }, { headers }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const other = await settle(
      client(key).chat.completions.create({ model: CHAT, messages, max_tokens: 5 }, { headers }),
    );
    expect(other.error).toMatchObject({ status: 409, code: "idempotency_key_reused" });
    expect((await first).value?.choices[0].message.content).toBe(CONTENT);

    // A stream in flight cannot be replayed: the second call with its key is refused, not charged.
    proxy.standIn.state.delayMs = 0;
    proxy.standIn.state.chunkDelayMs = 100;
    const streamHeaders = { "Idempotency-Key": "parallel-stream" };
    const stream = await client(key).chat.completions.create(
      { model: CHAT, messages, stream: true },
      { headers: streamHeaders },
    );
    const started = Date.now();
    const again = await settle(
      client(key).chat.completions.create(
        { model: CHAT, messages, stream: true },
        { headers: streamHeaders },
      ),
    );
    expect(Date.now() - started).toBeLessThan(400);
    expect(again.error).toMatchObject({ status: 409, code: "idempotency_key_reused" });
    expect((again.error as APIError).message).toMatch(/in progress/);
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe(CONTENT);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(2);
    expect(await balance(workspace.id)).toBe(1_000_000n - 2n * (await reported(key)));
    await expectSettled(workspace.id);
  });

  it("lets the waiting call go to the provider itself when the first one failed (nothing charged for it)", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    proxy.standIn.state.delayMs = 400;
    proxy.standIn.state.failNext = { status: 500, message: "upstream exploded" };
    const headers = { "Idempotency-Key": "parallel-3" };
    const [a, b] = await Promise.all([
      settle(client(key).chat.completions.create({ model: CHAT, messages }, { headers })),
      settle(client(key).chat.completions.create({ model: CHAT, messages }, { headers })),
    ]);
    const outcomes = [a, b].map((r) => (r.error ? (r.error as APIError).status : 200)).sort();
    expect(outcomes).toEqual([200, 500]);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await balance(workspace.id)).toBe(1_000_000n - (await reported(key)));
    await expectSettled(workspace.id);
  });
});

describe("a claim left behind by a process that died mid-call", () => {
  it("blocks the key only until it runs out; then the next call takes it over, and the sweep drops the rest", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    const body = { model: CHAT, messages };
    const past = new Date(Date.now() - 1_000);
    await db.chatCallClaim.createMany({
      data: [
        {
          workspaceId: workspace.id,
          key: "crashed-1",
          requestHash: chatRequestHash(body),
          stream: false,
          expiresAt: past,
        },
        { workspaceId: workspace.id, key: "crashed-2", requestHash: "x", stream: true, expiresAt: past },
      ],
    });
    const answer = await client(key).chat.completions.create(body, {
      headers: { "Idempotency-Key": "crashed-1" },
    });
    expect(answer.choices[0].message.content).toBe(CONTENT);
    expect(await db.chatCallClaim.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await dropExpiredChatClaims()).toBeGreaterThanOrEqual(1);
    await expectSettled(workspace.id);
  });
});

describe("a stream whose provider goes quiet (UPSTREAM_IDLE_TIMEOUT_MS)", () => {
  const before = env.UPSTREAM_IDLE_TIMEOUT_MS;
  beforeAll(() => void (env.UPSTREAM_IDLE_TIMEOUT_MS = 300));
  afterAll(() => void (env.UPSTREAM_IDLE_TIMEOUT_MS = before));

  async function readUntilError(key: string) {
    const stream = await client(key).chat.completions.create({ model: CHAT, messages, stream: true });
    let text = "";
    const started = Date.now();
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    })().then(
      () => null,
      (e: unknown) => e,
    );
    return { text, error, ms: Date.now() - started };
  }

  it("ends the client's stream with an upstream_timeout error event and charges only what was delivered", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    proxy.standIn.state.stallAfterWords = 2;
    const { text, error, ms } = await readUntilError(key);
    expect(text).toBe("Hello from");
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ code: "upstream_timeout", type: "upstream_error" });
    expect((error as APIError).message).toMatch(
      /sent nothing for 300 ms, so the stream was ended\. Only what was delivered is charged/,
    );
    expect(ms).toBeLessThan(3_000);

    // Charged once, for the estimated input and the characters delivered / 4, marked as estimated.
    const [reservation] = await db.reservation.findMany({ where: { workspaceId: workspace.id } });
    expect(reservation.status).toBe("committed");
    const event = await db.usageEvent.findFirstOrThrow({ where: { id: reservation.usageEventId! } });
    const inputTokens = estimateTokens({ model: CHAT, messages }).inputTokens;
    expect(event).toMatchObject({ inputTokens: BigInt(inputTokens), outputTokens: 3n });
    expect(event.metadata).toMatchObject({ usageEstimated: true, upstreamIdleTimeout: true, stream: true });
    const price = await chatPrice(key, CHAT, { inputTokens, outputTokens: 3 });
    expect(await balance(workspace.id)).toBe(1_000_000n - price);
    await expectSettled(workspace.id);
  });

  it("releases the whole hold when the provider went quiet before any output", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    proxy.standIn.state.stallAfterWords = 0;
    const { text, error } = await readUntilError(key);
    expect(text).toBe("");
    expect(error).toMatchObject({ code: "upstream_timeout" });
    const reservations = await db.reservation.findMany({ where: { workspaceId: workspace.id } });
    expect(reservations.map((r) => r.status)).toEqual(["released"]);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await balance(workspace.id)).toBe(1_000_000n);
    await expectSettled(workspace.id);
  });

  it("lets a slow but steady stream finish: the idle clock restarts with every chunk", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    proxy.standIn.state.chunkDelayMs = 200; // 5 words × 200 ms = 1 s in all, never 300 ms quiet
    const { text, error } = await readUntilError(key);
    expect(error).toBeNull();
    expect(text).toBe(CONTENT);
    expect(await balance(workspace.id)).toBe(1_000_000n - (await reported(key)));
    await expectSettled(workspace.id);
  });
});
