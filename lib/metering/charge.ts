import { createHash } from "node:crypto";
import { z } from "zod";
import { pool } from "@/lib/db/pool";
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

type Row = { outcome: string; event_id: string | null; billed_to: string | null; charged: string | null; balance: string | null; quota_used: number | null };

const CHARGE_SQL = `select * from tollgate_charge_usage($1, $2, $3, $4, $5, $6::bigint, $7::bigint, $8::bigint, $9, $10::bigint, $11::int, $12::int,
  $13::bigint, $14::int, $15::int, $16::date, $17, $18::bigint, $19::date, $20, $21, $22::jsonb)`;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const big = (v: string | null) => (v === null ? 0n : BigInt(v));

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
  const { rows } = await pool().query<Row>(CHARGE_SQL, [
    newEventId(), caller.workspace.id, caller.apiKey.id, model.id, model.key,
    isToken ? null : String(input.quantity ?? 1), isToken ? String(input.inputTokens ?? 0) : null, isToken ? String(input.outputTokens ?? 0) : null,
    mode, price.millicredits.toString(), price.markupBps, price.priceVersion, price.providerCostMicros.toString(),
    quotaUnits(model, input), quotaLimit ?? 0, isoDate(utcDay(now)), caller.workspace.overageEnabled,
    caller.apiKey.monthlySpendCapMillicredits?.toString() ?? null, isoDate(utcMonth(now)),
    idempotencyKey, idempotencyKey ? requestHash(input) : null, input.metadata ? JSON.stringify(input.metadata) : null,
  ]);
  const row = rows[0];
  const resetsAt = nextUtcMidnight(now);
  switch (row.outcome) {
    case "ok":
    case "replay":
      return {
        id: row.event_id!,
        model: model.key,
        billedTo: row.billed_to as ChargeResult["billedTo"],
        chargedMillicredits: big(row.charged),
        balanceMillicredits: big(row.balance),
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
      throw Object.assign(new InsufficientCreditsError(price.millicredits, big(row.balance)), { balance: big(row.balance) });
    default:
      throw new Error(`Unexpected charge outcome ${row.outcome}`);
  }
}
