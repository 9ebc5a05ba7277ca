import { chatCompletionUsageSchema, type ChatCompletionUsage } from "./schemas";
import { log } from "@/lib/observability/logger";

// Reads a streamed completion as it passes through, without changing a byte: the provider's
// response id, the characters delivered so far, and the final `usage` chunk (include_usage).

const MAX_LINE = 1_000_000; // a data line longer than this is content, never the usage chunk

/** Characters of output in a message or delta: its text and any tool-call arguments. */
export function outputChars(message: unknown): number {
  if (!message || typeof message !== "object") return 0;
  const { content, tool_calls: toolCalls } = message as { content?: unknown; tool_calls?: unknown };
  return (
    (typeof content === "string" ? content.length : 0) +
    (Array.isArray(toolCalls) ? JSON.stringify(toolCalls).length : 0)
  );
}

export class SseUsageTap {
  usage: ChatCompletionUsage | null = null;
  upstreamId: string | null = null;
  deliveredChars = 0;
  private readonly decoder = new TextDecoder();
  private buffer = "";

  push(chunk: Uint8Array) {
    this.buffer += this.decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = this.buffer.indexOf("\n")) >= 0) {
      this.line(this.buffer.slice(0, nl));
      this.buffer = this.buffer.slice(nl + 1);
    }
    if (this.buffer.length > MAX_LINE) this.buffer = "";
  }

  end() {
    this.buffer += this.decoder.decode();
    if (this.buffer) this.line(this.buffer);
    this.buffer = "";
  }

  private line(raw: string) {
    if (!raw.startsWith("data:")) return;
    const data = raw.slice(5).trim();
    if (!data || data === "[DONE]") return;
    let chunk: { id?: unknown; usage?: unknown; choices?: unknown };
    try {
      chunk = JSON.parse(data) as typeof chunk;
    } catch {
      return;
    }
    if (!chunk || typeof chunk !== "object") return;
    if (typeof chunk.id === "string") this.upstreamId ??= chunk.id;
    const usage = chatCompletionUsageSchema.safeParse(chunk.usage);
    if (usage.success) this.usage = usage.data;
    if (Array.isArray(chunk.choices))
      for (const choice of chunk.choices)
        this.deliveredChars += outputChars((choice as { delta?: unknown })?.delta);
  }
}

export type StreamOutcome = {
  usage: ChatCompletionUsage | null;
  upstreamId: string | null;
  deliveredChars: number;
};

/**
 * Passes the provider's SSE bytes through unchanged and calls `onEnd` exactly once: when the
 * provider finishes (awaited before the client's stream closes, so the charge is settled when the
 * client sees the end), or when the client goes away or the provider's stream breaks.
 */
export function meteredStream(
  upstream: ReadableStream<Uint8Array>,
  onEnd: (outcome: StreamOutcome) => Promise<void>,
): ReadableStream<Uint8Array> {
  const reader = upstream.getReader();
  const tap = new SseUsageTap();
  let ended = false;
  const finish = async () => {
    if (ended) return;
    ended = true;
    await onEnd({ usage: tap.usage, upstreamId: tap.upstreamId, deliveredChars: tap.deliveredChars }).catch(
      (e: unknown) => log.error({ err: e }, "chat proxy: settling a stream failed"),
    );
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          tap.end();
          await finish();
          controller.close();
          return;
        }
        tap.push(value);
        controller.enqueue(value);
      } catch (e) {
        await finish();
        controller.error(e);
      }
    },
    async cancel(reason) {
      await reader.cancel(reason).catch(() => {});
      await finish();
    },
  });
}
