import type { Tollgate } from "./client.js";
import type { CommitResult, Reservation, Usage, UsageRequest, UsageResult } from "./types.js";

// The pattern every app route repeats, in one call each:
// - known cost: charge first, then run the work (a refusal means the work never runs);
// - unknown cost: hold an estimate, run, commit what was actually used, or release it all if the
//   work failed (nothing charged);
// - a stream (an LLM's tokens): hold, pass the chunks through, commit the usage the last chunk reports.

export interface MeterOptions extends UsageRequest {
  /** Names this charge: a retry of the same work is charged once. Generated when omitted. */
  idempotencyKey?: string;
}

export interface HoldOptions {
  model: string;
  /** What the call may use at most: held now, the unused rest comes back on commit. */
  estimate: Usage;
  ttlSeconds?: number;
  metadata?: Record<string, unknown>;
}

/** The actual usage of held work: a quantity, or token counts. */
export type ActualUsage = number | Usage;

export interface StreamOptions<C> extends HoldOptions {
  /** The usage a chunk reports, if any (default: OpenAI's `usage.prompt_tokens` / `completion_tokens`). */
  usageOf?: (chunk: C) => Usage | null | undefined;
}

export interface Meter {
  <T>(options: MeterOptions, work: (charge: UsageResult) => Promise<T> | T): Promise<T>;
  hold(
    options: HoldOptions,
    work: (hold: Reservation) => Promise<ActualUsage> | ActualUsage,
  ): Promise<CommitResult>;
  stream<C>(
    options: StreamOptions<C>,
    start: (hold: Reservation) => Promise<AsyncIterable<C>> | AsyncIterable<C>,
  ): AsyncGenerator<C>;
}

const asUsage = (actual: ActualUsage): Usage => (typeof actual === "number" ? { quantity: actual } : actual);

/** OpenAI-style usage (`usage: {prompt_tokens, completion_tokens}`) on a chunk, as token counts. */
export function openAiUsage(chunk: unknown): Usage | null {
  const usage = (chunk as { usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } } | null)?.usage;
  if (!usage || typeof usage.prompt_tokens !== "number" || typeof usage.completion_tokens !== "number")
    return null;
  return { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens };
}

export function createMeter(client: Tollgate): Meter {
  const meter = async <T>(options: MeterOptions, work: (charge: UsageResult) => Promise<T> | T) => {
    const { idempotencyKey, ...body } = options;
    const charge = await client.usage.create(body, { idempotencyKey });
    return work(charge);
  };

  const hold: Meter["hold"] = async (options, work) => {
    const reservation = await client.reservations.create({
      model: options.model,
      ...options.estimate,
      ...(options.ttlSeconds ? { ttlSeconds: options.ttlSeconds } : {}),
    });
    let actual: ActualUsage;
    try {
      actual = await work(reservation);
    } catch (e) {
      await client.reservations.release(reservation.id).catch(() => {
        // The hold expires on its own; the work's error is the one worth throwing.
      });
      throw e;
    }
    return client.reservations.commit(reservation.id, { ...asUsage(actual), metadata: options.metadata });
  };

  async function* stream<C>(
    options: StreamOptions<C>,
    start: (hold: Reservation) => Promise<AsyncIterable<C>> | AsyncIterable<C>,
  ): AsyncGenerator<C> {
    const usageOf = options.usageOf ?? openAiUsage;
    const reservation = await client.reservations.create({
      model: options.model,
      ...options.estimate,
      ...(options.ttlSeconds ? { ttlSeconds: options.ttlSeconds } : {}),
    });
    let usage: Usage | null = null;
    let failed = true;
    try {
      for await (const chunk of await start(reservation)) {
        usage = usageOf(chunk) ?? usage;
        yield chunk;
      }
      failed = false;
    } finally {
      // Settled on every way out: finished, failed, or the consumer stopped reading. Reported usage is
      // charged; without it a finished stream is charged its estimate, a failed one nothing.
      const actual = usage ?? (failed ? null : options.estimate);
      if (actual) await client.reservations.commit(reservation.id, { ...actual, metadata: options.metadata });
      else await client.reservations.release(reservation.id).catch(() => {});
    }
  }

  return Object.assign(meter, { hold, stream }) as Meter;
}
