import { z } from "zod";
import { isExpectedError } from "@/lib/errors";
import type { ApiCaller } from "./authenticate";
import { chargeUsage, usageSchema, type ChargeResult } from "./charge";

export const MAX_BATCH = 100;
// How many of a batch's charges run at once: enough to use the connection pool, not all of it.
const BATCH_CONCURRENCY = 8;

export const batchSchema = z
  .object({
    events: z.array(usageSchema.extend({ idempotencyKey: z.string().min(1).max(200).optional() }).strict()).min(1).max(MAX_BATCH, `At most ${MAX_BATCH} events per batch.`),
  })
  .strict();

export type BatchItem =
  | { index: number; status: number; result: ChargeResult }
  | { index: number; status: number; error: { code: string; message: string; [k: string]: unknown } };

/** Charges each event on its own (each with its own idempotency key); one refusal never blocks the rest. */
export async function chargeBatch(caller: ApiCaller, events: z.infer<typeof batchSchema>["events"]): Promise<BatchItem[]> {
  const results: BatchItem[] = new Array(events.length);
  let next = 0;
  async function worker() {
    while (next < events.length) {
      const index = next++;
      const { idempotencyKey, ...input } = events[index];
      try {
        results[index] = { index, status: 200, result: await chargeUsage(caller, input, idempotencyKey ?? null) };
      } catch (e) {
        if (!isExpectedError(e)) throw e;
        results[index] = { index, status: e.status, error: { code: e.code, message: e.message, ...e.details } };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, events.length) }, worker));
  return results;
}
