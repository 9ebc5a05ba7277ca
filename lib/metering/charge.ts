import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { priceCall, quotaUnits } from "@/lib/catalog/pricing";
import type { ApiCaller } from "./authenticate";
import {
  IdempotencyKeyReusedError,
  InsufficientCreditsError,
  ModelNotAllowedError,
  ModelNotFoundError,
  QuotaExceededError,
  SpendCapReachedError,
} from "./errors";
import { nextUtcMidnight, utcDay, utcMonth } from "./time";

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const usageSchema = z
  .object({
    model: z.string().min(1).max(120),
    quantity: count.optional(),
    inputTokens: count.optional(),
    outputTokens: count.optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type UsageInput = z.infer<typeof usageSchema>;

export type ChargeResult = {
  id: string;
  model: string;
  billedTo: "quota" | "credits" | "free" | "byok";
  chargedMillicredits: bigint;
  balanceMillicredits: bigint;
  quota: { used: number; limit: number; resetsAt: Date } | null;
  replayed: boolean;
};

type Row = { outcome: string; event_id: string | null; billed_to: string | null; charged: bigint | null; balance: bigint | null; quota_used: number | null };

const newEventId = () => `evt_${crypto.randomUUID().replaceAll("-", "")}`;
const requestHash = (input: UsageInput) => createHash("sha256").update(JSON.stringify(input)).digest("hex");

/** Looks up the model for the caller's tier, or throws 404 / 403 (with the tier that has it). */
export function resolveModel(caller: ApiCaller, key: string) {
  const model = caller.catalog.models.get(key);
  if (!model || !model.enabled) throw new ModelNotFoundError(key);
  if (!model.tierIds.has(caller.tier.id)) throw new ModelNotAllowedError(key, model.requiredTier);
  return model;
}

/**
 * The decision for one call: price it, then charge quota or credits, record the event and its
 * ledger entry in one database statement (tollgate_charge_usage). Throws the SPEC's typed errors.
 */
export async function chargeUsage(caller: ApiCaller, input: UsageInput, idempotencyKey: string | null, now = new Date()): Promise<ChargeResult> {
  const model = resolveModel(caller, input.model);
  const price = priceCall({
    model,
    usage: input,
    tierMarkupBps: caller.tier.markupBps,
    defaultMarkupBps: caller.catalog.settings.defaultMarkupBps,
  });
  const onQuota = caller.workspace.accountType === "subscription";
  const mode = model.free ? "free" : onQuota ? "quota" : "credits";
  const quotaLimit = onQuota ? caller.tier.dailyQuotaUnits : null;
  const isToken = model.unit === "token";
  const rows = await db.$queryRaw<Row[]>`
    select * from tollgate_charge_usage(
      ${newEventId()}, ${caller.workspace.id}, ${caller.apiKey.id}, ${model.id}, ${model.key},
      ${isToken ? null : BigInt(input.quantity ?? 1)}::bigint, ${isToken ? BigInt(input.inputTokens ?? 0) : null}::bigint,
      ${isToken ? BigInt(input.outputTokens ?? 0) : null}::bigint,
      ${mode}, ${price.millicredits}::bigint, ${price.markupBps}::int, ${price.priceVersion}::int, ${price.providerCostMicros}::bigint,
      ${quotaUnits(model, input)}::int, ${quotaLimit ?? 0}::int, ${utcDay(now)}::date, ${caller.workspace.overageEnabled},
      ${caller.apiKey.monthlySpendCapMillicredits}::bigint, ${utcMonth(now)}::date,
      ${idempotencyKey}, ${idempotencyKey ? requestHash(input) : null}, ${input.metadata ? JSON.stringify(input.metadata) : null}::jsonb
    )`;
  const row = rows[0];
  const resetsAt = nextUtcMidnight(now);
  switch (row.outcome) {
    case "ok":
    case "replay":
      return {
        id: row.event_id!,
        model: model.key,
        billedTo: row.billed_to as ChargeResult["billedTo"],
        chargedMillicredits: row.charged ?? 0n,
        balanceMillicredits: row.balance ?? 0n,
        quota: quotaLimit === null ? null : { used: row.quota_used ?? 0, limit: quotaLimit, resetsAt },
        replayed: row.outcome === "replay",
      };
    case "idempotency_conflict":
      throw new IdempotencyKeyReusedError();
    case "quota_exceeded":
      throw Object.assign(new QuotaExceededError(resetsAt), { quota: { used: row.quota_used ?? 0, limit: quotaLimit ?? 0, resetsAt } });
    case "spend_cap_reached":
      throw new SpendCapReachedError();
    case "insufficient_credits":
      throw Object.assign(new InsufficientCreditsError(price.millicredits, row.balance ?? 0n), { balance: row.balance ?? 0n });
    default:
      throw new Error(`Unexpected charge outcome ${row.outcome}`);
  }
}
