import { createHash } from "node:crypto";
import { z } from "zod";
import { pool } from "@/lib/db/pool";
import { noticeCharge, noticeQuotaExhausted } from "@/lib/notifications/trigger";
import { priceCall, quotaUnits, type Price } from "@/lib/catalog/pricing";
import { isValidIdempotencyKey } from "@/lib/http/hygiene";
import {
  MAX_INT4,
  MAX_MONEY_BIG,
  metadataSchema,
  quantity,
  safeString,
  tokenCount,
} from "@/lib/http/schemas";
import type { ApiCaller } from "./authenticate";
import {
  IdempotencyKeyReusedError,
  InsufficientCreditsError,
  InvalidRequestError,
  ModelNotAllowedError,
  ModelNotFoundError,
  QuotaExceededError,
  SpendCapReachedError,
} from "./errors";
import { nextUtcMidnight, utcDay, utcMonth } from "./time";

export const usageSchema = z
  .object({
    model: safeString(120).min(1),
    quantity: quantity.optional(),
    inputTokens: tokenCount.optional(),
    outputTokens: tokenCount.optional(),
    metadata: metadataSchema.optional(),
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

type Row = {
  outcome: string;
  event_id: string | null;
  billed_to: string | null;
  charged: string | null;
  balance: string | null;
  quota_used: number | null;
};

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const big = (v: string | null) => (v === null ? 0n : BigInt(v));

const newEventId = () => `evt_${crypto.randomUUID().replaceAll("-", "")}`;
const requestHash = (input: UsageInput) => createHash("sha256").update(JSON.stringify(input)).digest("hex");

/**
 * Refuses (400) a call whose price or quota units would not fit: money stays below 2^53
 * millicredits (exact in JSON) and quota units in the int4 columns and counters (SPEC §8.1).
 */
export function assertPriceable(price: Price, units = 0) {
  if (price.millicredits > MAX_MONEY_BIG || price.providerCostMicros > MAX_MONEY_BIG)
    throw new InvalidRequestError(
      "This call's price is out of range: send a smaller quantity or token count.",
    );
  if (units > MAX_INT4)
    throw new InvalidRequestError(
      "This call's quota units are out of range: send a smaller quantity or token count.",
    );
}

/** Looks up the model for the caller's tier, or throws 404 / 403 (with the tier that has it). */
export function resolveModel(caller: ApiCaller, key: string) {
  const model = caller.catalog.models.get(key);
  if (!model || !model.enabled) throw new ModelNotFoundError(key);
  if (!model.tierIds.has(caller.tier.id)) throw new ModelNotAllowedError(key, model.requiredTier);
  return model;
}

type Plan = ReturnType<typeof planCharge>;

/** Everything the charge function needs for one call, priced and checked in memory (404/403 thrown here). */
// A BYOK call (the workspace's own provider key paid the provider) is recorded as billed "byok":
// no markup, no credits and no quota.
function planCharge(
  caller: ApiCaller,
  input: UsageInput,
  idempotencyKey: string | null,
  now: Date,
  byok = false,
) {
  // The edge checks the header too; this keeps any other caller from storing "" as a key.
  if (idempotencyKey !== null && !isValidIdempotencyKey(idempotencyKey))
    throw new InvalidRequestError("Idempotency keys are 1 to 255 printable ASCII characters and not blank.");
  const model = resolveModel(caller, input.model);
  const price = priceCall({
    model,
    usage: input,
    tierMarkupBps: caller.tier.markupBps,
    defaultMarkupBps: caller.catalog.settings.defaultMarkupBps,
    byok,
  });
  const units = byok ? 0 : quotaUnits(model, input);
  assertPriceable(price, units);
  const onQuota = caller.workspace.accountType === "subscription";
  const quotaLimit = onQuota ? caller.tier.dailyQuotaUnits : null;
  const isToken = model.unit === "token";
  return {
    model,
    price,
    quotaLimit,
    resetsAt: nextUtcMidnight(now),
    // Per call:
    item: [
      newEventId(),
      model.id,
      model.key,
      isToken ? null : String(input.quantity ?? 1),
      isToken ? String(input.inputTokens ?? 0) : null,
      isToken ? String(input.outputTokens ?? 0) : null,
      byok ? "byok" : model.free ? "free" : onQuota ? "quota" : "credits",
      price.millicredits.toString(),
      price.markupBps,
      price.priceVersion,
      price.providerCostMicros.toString(),
      // A call that cannot fit today's quota at all is passed as limit + 1 units: refused (or sent to
      // overage) the same way, without int4 overflow in the counter's arithmetic.
      quotaLimit === null ? units : Math.min(units, quotaLimit + 1),
      // Whenever a key is present, it names this body: a different body under it is a conflict.
      idempotencyKey,
      idempotencyKey === null ? null : requestHash(input),
      input.metadata ? JSON.stringify(input.metadata) : null,
    ],
    // Per workspace and moment, the same for every call of a batch:
    shared: [
      caller.workspace.id,
      caller.apiKey.id,
      quotaLimit ?? 0,
      isoDate(utcDay(now)),
      caller.workspace.overageEnabled,
      caller.apiKey.monthlySpendCapMillicredits?.toString() ?? null,
      isoDate(utcMonth(now)),
      caller.member?.userId ?? null,
      caller.member?.monthlySpendCapMillicredits?.toString() ?? null,
    ],
  };
}

/** Turns the charge function's answer into the result, or the SPEC's typed error. */
function settle(plan: Plan, row: Row): ChargeResult {
  const { quotaLimit, resetsAt } = plan;
  switch (row.outcome) {
    case "ok":
    case "replay":
      return {
        id: row.event_id!,
        model: plan.model.key,
        billedTo: row.billed_to as ChargeResult["billedTo"],
        chargedMillicredits: big(row.charged),
        balanceMillicredits: big(row.balance),
        quota: quotaLimit === null ? null : { used: row.quota_used ?? 0, limit: quotaLimit, resetsAt },
        replayed: row.outcome === "replay",
      };
    case "idempotency_conflict":
      throw new IdempotencyKeyReusedError();
    case "quota_exceeded":
      throw new QuotaExceededError(resetsAt, { used: row.quota_used ?? 0, limit: quotaLimit ?? 0, resetsAt });
    case "spend_cap_reached":
      throw new SpendCapReachedError("api_key");
    case "member_spend_cap_reached":
      throw new SpendCapReachedError("member");
    case "insufficient_credits":
      throw new InsufficientCreditsError(plan.price.millicredits, big(row.balance));
    default:
      throw new Error(`Unexpected charge outcome ${row.outcome}`);
  }
}

/**
 * The decision for one call: price it, then charge quota or credits, record the event and its
 * ledger entry in one database statement (tollgate_charge_usage). Throws the SPEC's typed errors.
 */
export async function chargeUsage(
  caller: ApiCaller,
  input: UsageInput,
  idempotencyKey: string | null,
  now = new Date(),
  options: { byok?: boolean } = {},
): Promise<ChargeResult> {
  const [outcome] = await chargeUsageBatch(caller, [{ input, idempotencyKey, byok: options.byok }], now);
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}

// A batch runs every call through the same charge function, in order, in one statement: one round
// trip for up to 100 events. Refusals are per item; nothing is shared but the transaction.
const BATCH_SQL = `
  select i.ord, r.* from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[], $8::bigint[],
                                $9::int[], $10::int[], $11::bigint[], $12::int[], $13::text[], $14::text[], $15::jsonb[])
    with ordinality as i(event_id, model_id, model_key, quantity, input_tokens, output_tokens, mode, charge, markup_bps, price_version,
                         provider_cost, quota_units, idem, hash, meta, ord)
  cross join lateral tollgate_charge_usage(i.event_id, $16, $17, i.model_id, i.model_key, i.quantity, i.input_tokens, i.output_tokens,
    i.mode, i.charge, i.markup_bps, i.price_version, i.provider_cost, i.quota_units, $18::int, $19::date, $20, $21::bigint, $22::date,
    i.idem, i.hash, i.meta, $23::text, $24::bigint) r
  order by i.ord`;

export type BatchOutcome = { ok: true; result: ChargeResult } | { ok: false; error: unknown };

export async function chargeUsageBatch(
  caller: ApiCaller,
  items: { input: UsageInput; idempotencyKey: string | null; byok?: boolean }[],
  now = new Date(),
): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = new Array(items.length);
  const planned: { index: number; plan: Plan }[] = [];
  items.forEach(({ input, idempotencyKey, byok }, index) => {
    try {
      planned.push({ index, plan: planCharge(caller, input, idempotencyKey, now, byok) });
    } catch (error) {
      outcomes[index] = { ok: false, error };
    }
  });
  if (planned.length) {
    const columns = planned[0].plan.item.map((_, c) => planned.map((p) => p.plan.item[c]));
    const { rows } = await pool().query<Row & { ord: string }>(BATCH_SQL, [
      ...columns,
      ...planned[0].plan.shared,
    ]);
    let last: ChargeResult | null = null;
    let quotaExhausted: Date | null = null;
    rows.forEach((row, r) => {
      const { index, plan } = planned[r];
      try {
        outcomes[index] = { ok: true, result: (last = settle(plan, row)) };
      } catch (error) {
        if (error instanceof QuotaExceededError) quotaExhausted = plan.resetsAt;
        outcomes[index] = { ok: false, error };
      }
    });
    // Calls in a batch run in order: the last one shows the lowest balance and the highest quota use.
    if (last) noticeCharge(caller.workspace.id, last);
    if (quotaExhausted) noticeQuotaExhausted(caller.workspace.id, quotaExhausted);
  }
  return outcomes;
}
