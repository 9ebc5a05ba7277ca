import { ConflictError, Tollgate } from "@tollgate/sdk";

const tollgate = new Tollgate({
  apiKey: process.env.TOLLGATE_API_KEY!,
  baseUrl: process.env.TOLLGATE_URL,
  maxRetries: 3, // a dropped connection, a 5xx or a 429 rate limit; never another 4xx
  maxRetryDelayMs: 5_000, // Retry-After is honoured up to this long
});

type Job = { id: string; attempt: number; images: number };

// The key names the work, not the attempt: when your queue runs the job again after a crash, the
// charge that already went through is answered from its record (Idempotent-Replayed) and not
// charged again.
export async function chargeJob(job: Job) {
  try {
    return await tollgate.usage.create(
      { model: "poster-editor:inpaint-standard", quantity: job.images },
      { idempotencyKey: `job-${job.id}` },
    );
  } catch (error) {
    // 409: the same key with another body. A bug in how keys are made: never charge it twice.
    if (error instanceof ConflictError) throw new Error(`Job ${job.id} changed after it was charged.`);
    throw error;
  }
}

// Fire-and-forget usage after the fact: queued, sent in batches, each event with its own key.
const tracker = tollgate.tracker({ intervalMs: 2_000 });

export function trackPreview(userId: string) {
  tracker.track({ model: "poster-editor:inpaint-standard", quantity: 1, metadata: { userId } });
}

export async function onShutdown() {
  await tracker.flush(); // also runs on Node's beforeExit
}
