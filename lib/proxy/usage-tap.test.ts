import { describe, expect, it } from "vitest";
import { meteredStream, type StreamOutcome } from "./usage-tap";

const encoder = new TextEncoder();
const sse = (chunk: unknown) => `data: ${JSON.stringify(chunk)}\r\n\r\n`;

function source(parts: string[]) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of parts) controller.enqueue(encoder.encode(p));
      controller.close();
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder();
  let out = "";
  for await (const chunk of stream) out += decoder.decode(chunk, { stream: true });
  return out;
}

describe("meteredStream", () => {
  it("passes bytes through unchanged and finds the usage even when lines are split across chunks", async () => {
    const text =
      sse({ id: "c1", choices: [{ index: 0, delta: { content: "Hi there" } }] }) +
      sse({ id: "c1", choices: [], usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 } }) +
      "data: [DONE]\n\n";
    const parts = [text.slice(0, 7), text.slice(7, 60), text.slice(60, 61), text.slice(61)];
    const outcomes: StreamOutcome[] = [];
    const out = await readAll(meteredStream(source(parts), async (o) => void outcomes.push(o)));
    expect(out).toBe(text);
    expect(outcomes).toEqual([
      {
        usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
        upstreamId: "c1",
        deliveredChars: 8,
      },
    ]);
  });

  it("settles once with what was delivered when the client goes away before the usage chunk", async () => {
    let push: ((s: string) => void) | undefined;
    const upstream = new ReadableStream<Uint8Array>({
      start: (c) => void (push = (s) => c.enqueue(encoder.encode(s))),
    });
    const outcomes: StreamOutcome[] = [];
    const reader = meteredStream(upstream, async (o) => void outcomes.push(o)).getReader();
    push!(sse({ id: "c2", choices: [{ index: 0, delta: { content: "abcdefgh" } }] }));
    await reader.read();
    await reader.cancel();
    expect(outcomes).toEqual([{ usage: null, upstreamId: "c2", deliveredChars: 8 }]);
  });
});

describe("meteredStream with stripUsage", () => {
  it("holds back the usage-only chunk (and its blank line) but still meters from it", async () => {
    const content = sse({ id: "c3", choices: [{ index: 0, delta: { content: "Hi" } }] });
    const usage = sse({
      id: "c3",
      choices: [],
      usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
    });
    const text = content + usage + "data: [DONE]\n\n";
    const parts = [text.slice(0, 30), text.slice(30, 90), text.slice(90)];
    const outcomes: StreamOutcome[] = [];
    const out = await readAll(
      meteredStream(source(parts), async (o) => void outcomes.push(o), { stripUsage: true }),
    );
    expect(out).toBe(content + "data: [DONE]\n\n");
    expect(outcomes[0].usage).toEqual({ prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 });
  });
});
