import type { Tollgate } from "./client.js";
import type { BatchEvent, BatchItem } from "./types.js";

// Fire-and-forget tracking for usage that must not slow the request down (the work is done, the
// charge may follow): events queue in memory with their idempotency keys and go out through
// usage.batch every `intervalMs` or at 100 events; flush() sends the rest (call it before exit —
// on Node it also runs on `beforeExit`). A failed send keeps the events, with the same keys, for the
// next flush, so nothing is charged twice. Refusals (402, 429, …) come back from flush() per event.

const MAX_BATCH = 100;

export interface TrackerOptions {
  intervalMs?: number;
  /** Called with the events the server refused (per-event errors of a batch). */
  onRefused?: (items: Extract<BatchItem, { error: unknown }>[], events: BatchEvent[]) => void;
}

export class Tracker {
  private queue: BatchEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sending: Promise<BatchItem[]> | null = null;

  constructor(
    private readonly client: Tollgate,
    private readonly options: TrackerOptions = {},
  ) {
    const proc = (globalThis as { process?: { once?: (event: string, fn: () => void) => void } }).process;
    proc?.once?.("beforeExit", () => void this.flush().catch(() => {}));
  }

  /** Queues one event (given an idempotency key now, so a resend is charged once). */
  track(event: BatchEvent) {
    this.queue.push({
      ...event,
      idempotencyKey: event.idempotencyKey ?? `tg-sdk-${globalThis.crypto.randomUUID()}`,
    });
    if (this.queue.length >= MAX_BATCH) void this.flush().catch(() => {});
    else this.timer ??= setTimeout(() => void this.flush().catch(() => {}), this.options.intervalMs ?? 1_000);
  }

  get pending() {
    return this.queue.length;
  }

  /** Sends everything queued; resolves with every event's result. Throws (events kept) if it cannot send. */
  async flush(): Promise<BatchItem[]> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.sending) await this.sending.catch(() => {});
    const results: BatchItem[] = [];
    while (this.queue.length) {
      const events = this.queue.slice(0, MAX_BATCH);
      this.sending = this.client.usage.batch(events).then((r) => r.results);
      try {
        const items = await this.sending;
        this.queue = this.queue.slice(events.length);
        results.push(...items);
        const refused = items.filter((i): i is Extract<BatchItem, { error: unknown }> => "error" in i);
        if (refused.length) this.options.onRefused?.(refused, events);
      } finally {
        this.sending = null;
      }
    }
    return results;
  }
}
