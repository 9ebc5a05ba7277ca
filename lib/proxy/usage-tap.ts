import { chatCompletionUsageSchema, type ChatCompletionUsage } from "./schemas";
import { log } from "@/lib/observability/logger";

// Reads a streamed completion as it passes through: the provider's response id, the characters
// delivered so far, and the final `usage` chunk (include_usage). The bytes pass unchanged, except
// that the usage-only chunk (`choices: []`) is held back when the client did not ask for usage:
// Tollgate always asks the provider for it, to meter the call.

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

  private dropBlank = false;

  /** Reads a chunk; returns the text of its complete lines to forward (used when stripping usage). */
  push(chunk: Uint8Array): string {
    this.buffer += this.decoder.decode(chunk, { stream: true });
    let out = "";
    let nl: number;
    while ((nl = this.buffer.indexOf("\n")) >= 0) {
      out += this.forward(this.buffer.slice(0, nl + 1));
      this.buffer = this.buffer.slice(nl + 1);
    }
    if (this.buffer.length > MAX_LINE) {
      out += this.buffer;
      this.buffer = "";
    }
    return out;
  }

  end(): string {
    this.buffer += this.decoder.decode();
    const out = this.buffer ? this.forward(this.buffer) : "";
    this.buffer = "";
    return out;
  }

  /** The line as forwarded: empty for a usage-only event (and the blank line that ends it). */
  private forward(line: string): string {
    const usageOnly = this.line(line.replace(/\r?\n$/, ""));
    if (usageOnly) return ((this.dropBlank = true), "");
    if (this.dropBlank && line.trim() === "") return ((this.dropBlank = false), "");
    this.dropBlank = false;
    return line;
  }

  /** Reads one line; true when it is a usage-only chunk (no choices). */
  private line(raw: string): boolean {
    if (!raw.startsWith("data:")) return false;
    const data = raw.slice(5).trim();
    if (!data || data === "[DONE]") return false;
    let chunk: { id?: unknown; usage?: unknown; choices?: unknown };
    try {
      chunk = JSON.parse(data) as typeof chunk;
    } catch {
      return false;
    }
    if (!chunk || typeof chunk !== "object") return false;
    if (typeof chunk.id === "string") this.upstreamId ??= chunk.id;
    const usage = chatCompletionUsageSchema.safeParse(chunk.usage);
    if (usage.success) this.usage = usage.data;
    if (Array.isArray(chunk.choices))
      for (const choice of chunk.choices)
        this.deliveredChars += outputChars((choice as { delta?: unknown })?.delta);
    return usage.success && Array.isArray(chunk.choices) && chunk.choices.length === 0;
  }
}

export type StreamOutcome = {
  usage: ChatCompletionUsage | null;
  upstreamId: string | null;
  deliveredChars: number;
  /** The provider went quiet for longer than the idle timeout and the stream was ended. */
  idleTimedOut?: boolean;
};

const IDLE = Symbol("idle");

/** The next chunk, or IDLE when none came within `ms`. */
async function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number | undefined) {
  if (!ms) return reader.read();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<typeof IDLE>((resolve) => (timer = setTimeout(() => resolve(IDLE), ms)));
  try {
    return await Promise.race([reader.read(), idle]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Passes the provider's SSE bytes through unchanged and calls `onEnd` exactly once: when the
 * provider finishes (awaited before the client's stream closes, so the charge is settled when the
 * client sees the end), when the client goes away or the provider's stream breaks, or when the
 * provider sends nothing for `idle.ms`: then the provider's stream is cancelled and the client's
 * ends with `idle.error()` as an SSE error event (OpenAI clients raise it as an APIError).
 */
export function meteredStream(
  upstream: ReadableStream<Uint8Array>,
  onEnd: (outcome: StreamOutcome) => Promise<void>,
  { stripUsage = false, idle }: { stripUsage?: boolean; idle?: { ms: number; error: () => unknown } } = {},
): ReadableStream<Uint8Array> {
  const reader = upstream.getReader();
  const tap = new SseUsageTap();
  const encoder = new TextEncoder();
  let ended = false;
  const finish = async (idleTimedOut = false) => {
    if (ended) return;
    ended = true;
    const outcome = { usage: tap.usage, upstreamId: tap.upstreamId, deliveredChars: tap.deliveredChars };
    await onEnd(idleTimedOut ? { ...outcome, idleTimedOut } : outcome).catch((e: unknown) =>
      log.error({ err: e }, "chat proxy: settling a stream failed"),
    );
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const read = await readWithin(reader, idle?.ms);
        if (read === IDLE) {
          await reader.cancel(new Error("upstream idle timeout")).catch(() => {});
          const rest = stripUsage ? tap.end() : "";
          await finish(true); // settled before the client reads the error, as before a normal end
          controller.enqueue(encoder.encode(`${rest}\n\ndata: ${JSON.stringify(idle!.error())}\n\n`));
          controller.close();
          return;
        }
        const { done, value } = read;
        if (done) {
          const rest = tap.end();
          if (stripUsage && rest) controller.enqueue(encoder.encode(rest));
          await finish();
          controller.close();
          return;
        }
        const lines = tap.push(value);
        if (!stripUsage) controller.enqueue(value);
        else if (lines) controller.enqueue(encoder.encode(lines));
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
