import { z } from "zod";
import { isExpectedError } from "@/lib/errors";
import { idempotencyKeySchema } from "@/lib/http/schemas";
import type { ApiCaller } from "./authenticate";
import { chargeUsageBatch, usageSchema } from "./charge";
import type { ChargeResult } from "./types";

export const MAX_BATCH = 100;

export const batchSchema = z
  .object({
    events: z
      .array(usageSchema.extend({ idempotencyKey: idempotencyKeySchema.optional() }).strict())
      .min(1)
      .max(MAX_BATCH, `At most ${MAX_BATCH} events per batch.`),
  })
  .strict();

export type BatchItem =
  | { index: number; status: number; result: ChargeResult }
  | { index: number; status: number; error: { code: string; message: string; [k: string]: unknown } };

/** Charges each event on its own (each with its own idempotency key); one refusal never blocks the rest. */
export async function chargeBatch(
  caller: ApiCaller,
  events: z.infer<typeof batchSchema>["events"],
): Promise<BatchItem[]> {
  const outcomes = await chargeUsageBatch(
    caller,
    events.map(({ idempotencyKey, ...input }) => ({ input, idempotencyKey: idempotencyKey ?? null })),
  );
  return outcomes.map((o, index) => {
    if (o.ok) return { index, status: 200, result: o.result };
    if (!isExpectedError(o.error)) throw o.error;
    return {
      index,
      status: o.error.status,
      error: { code: o.error.code, message: o.error.message, ...o.error.details },
    };
  });
}
