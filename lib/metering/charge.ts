import { createHash } from "node:crypto";
import { z } from "zod";
import { pool } from "@/lib/db/pool";
import { parseSqlRow, sqlCallBatch, sqlCallSet, type SqlArgs, type SqlRow } from "@/lib/db/sql-call";
import { noticeCharge, noticeQuotaExhausted } from "@/lib/notifications/trigger";
import { priceCall, quotaUnits, type Price } from "@/lib/catalog/pricing";
import { ruleArgs, rulesFor, volumeUnits } from "@/lib/catalog/price-rules";
import { errorCodeOf } from "@/lib/http/errors";
import { isValidIdempotencyKey } from "@/lib/http/hygiene";
import { countCharge } from "@/lib/observability/metrics";
import {
  MAX_INT4,
  MAX_MONEY_BIG,
  metadataSchema,
  quantity,
  safeString,
  tokenCount,
} from "@/lib/http/schemas";
import { authenticatedStatement, confirmCaller, type ApiCaller } from "./authenticate";
import {
  IdempotencyKeyReusedError,
  InsufficientCreditsError,
  InvalidRequestError,
  ModelNotAllowedError,
  ModelNotFoundError,
  QuotaExceededError,
} from "./errors";
import { countRefusal } from "./refusal-counts";
import { spendCapRefusal } from "./spend-caps";
import { chargeUsageBatchFn, chargeUsageFn } from "./sql";
import { nextUtcMidnight, utcDay, utcMonth } from "./time";
import type { ChargeResult } from "./types";

export type { ChargeResult } from "./types";

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

// The arguments of tollgate_charge_usage that are the same for every call of a batch (the caller's
// workspace, key and member, and the moment); the rest are per call.
type SharedKey = (typeof chargeUsageBatchFn.shared)[number];
type ChargeArgs = SqlArgs<typeof chargeUsageFn>;
type SharedArgs = Pick<ChargeArgs, SharedKey>;
type CallArgs = Omit<ChargeArgs, SharedKey>;
type Row = SqlRow<typeof chargeUsageFn>;

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

/** The model for the caller's tier, or 404 / 403 (with the tier that has it); counts nothing. */
function modelFor(caller: ApiCaller, key: string) {
  const model = caller.catalog.models.get(key);
  if (!model || !model.enabled) throw new ModelNotFoundError(key);
  if (!model.tierIds.has(caller.tier.id)) throw new ModelNotAllowedError(key, model.requiredTier);
  return model;
}

/** Looks up the model for the caller's tier, or throws 404 / 403 (with the tier that has it, counted). */
export function resolveModel(caller: ApiCaller, key: string) {
  try {
    return modelFor(caller, key);
  } catch (e) {
    if (e instanceof ModelNotAllowedError) countRefusal(caller.workspace.id, key, "model_not_allowed");
    throw e;
  }
}

type Plan = ReturnType<typeof planCharge>;

/**
 * A call's price with the dynamic pricing rules in force at `now` (from the snapshot, no query):
 * the time rule's multiplier is in the price; the volume steps and both stamps go to the charge
 * statement as `rules` (null when none applies). BYOK and free calls carry no rule.
 */
export function priceWithRules(
  caller: ApiCaller,
  model: ReturnType<typeof resolveModel>,
  usage: UsageInput | Omit<UsageInput, "model">,
  now: Date,
  byok = false,
) {
  const rules = byok || model.free ? null : rulesFor(caller.catalog.rules, model.id, caller.tier.id, now);
  const price = priceCall({
    model,
    usage,
    tierMarkupBps: caller.tier.markupBps,
    defaultMarkupBps: caller.catalog.settings.defaultMarkupBps,
    byok,
    multiplierBps: rules?.time?.multiplierBps,
  });
  return { price, rules: rules && ruleArgs(rules, volumeUnits(model.unit, usage)) };
}

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
  const model = modelFor(caller, input.model);
  const { price, rules } = priceWithRules(caller, model, input, now, byok);
  const units = byok ? 0 : quotaUnits(model, input);
  assertPriceable(price, units);
  const onQuota = caller.workspace.accountType === "subscription";
  const quotaLimit = onQuota ? caller.plan.dailyQuotaUnits : null;
  const isToken = model.unit === "token";
  return {
    model,
    price,
    units,
    quotaLimit,
    resetsAt: nextUtcMidnight(now),
    call: {
      p_event_id: newEventId(),
      p_model_id: model.id,
      p_model_key: model.key,
      p_quantity: isToken ? null : BigInt(input.quantity ?? 1),
      p_input_tokens: isToken ? BigInt(input.inputTokens ?? 0) : null,
      p_output_tokens: isToken ? BigInt(input.outputTokens ?? 0) : null,
      p_mode: byok ? "byok" : model.free ? "free" : onQuota ? "quota" : "credits",
      p_charge: price.millicredits,
      p_markup_bps: price.markupBps,
      p_price_version: price.priceVersion,
      p_provider_cost: price.providerCostMicros,
      // A call that cannot fit today's quota at all is passed as limit + 1 units: refused (or sent to
      // overage) the same way, without int4 overflow in the counter's arithmetic.
      p_quota_units: quotaLimit === null ? units : Math.min(units, quotaLimit + 1),
      // Whenever a key is present, it names this body: a different body under it is a conflict.
      p_idempotency_key: idempotencyKey,
      p_request_hash: idempotencyKey === null ? null : requestHash(input),
      p_metadata: input.metadata ?? null,
      p_rules: rules as Record<string, unknown> | null,
    } satisfies CallArgs,
  };
}

/** The arguments every call of a batch shares: the caller and the moment. */
function sharedArgs(caller: ApiCaller, now: Date): SharedArgs {
  return {
    p_workspace_id: caller.workspace.id,
    p_api_key_id: caller.apiKey.id,
    p_quota_limit: caller.workspace.accountType === "subscription" ? caller.plan.dailyQuotaUnits : 0,
    p_day: utcDay(now),
    p_overage: caller.workspace.overageEnabled,
    p_cap: caller.apiKey.monthlySpendCapMillicredits,
    p_month: utcMonth(now),
    p_member_id: caller.member?.userId ?? null,
    p_member_cap: caller.member?.monthlySpendCapMillicredits ?? null,
  };
}

/** Turns the charge function's answer into the result, or the SPEC's typed error (refusals counted). */
async function settle(caller: ApiCaller, plan: Plan, row: Row, now: Date): Promise<ChargeResult> {
  const { quotaLimit, resetsAt } = plan;
  if (row.outcome !== "ok" && row.outcome !== "replay" && row.outcome !== "idempotency_conflict")
    countRefusal(caller.workspace.id, plan.model.key, row.outcome, now);
  switch (row.outcome) {
    case "ok":
    case "replay":
      return {
        id: row.event_id!,
        model: plan.model.key,
        billedTo: row.billed_to as ChargeResult["billedTo"],
        chargedMillicredits: row.charged ?? 0n,
        balanceMillicredits: row.balance ?? 0n,
        quota: quotaLimit === null ? null : { used: row.quota_used ?? 0, limit: quotaLimit, resetsAt },
        replayed: row.outcome === "replay",
      };
    case "idempotency_conflict":
      throw new IdempotencyKeyReusedError();
    case "quota_exceeded":
      throw new QuotaExceededError(
        resetsAt,
        { used: row.quota_used ?? 0, limit: quotaLimit ?? 0, resetsAt },
        plan.units,
      );
    case "spend_cap_reached":
      throw await spendCapRefusal(caller, "api_key", now);
    case "member_spend_cap_reached":
      throw await spendCapRefusal(caller, "member", now);
    case "insufficient_credits":
      throw new InsufficientCreditsError(row.charged ?? plan.price.millicredits, row.balance ?? 0n);
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

export type BatchOutcome = { ok: true; result: ChargeResult } | { ok: false; error: unknown };
type Item = { input: UsageInput; idempotencyKey: string | null; byok?: boolean };

/** Prices every item in memory for the caller: a plan per item, or the item's refusal (400/403/404). */
function planAll(caller: ApiCaller, items: Item[], now: Date) {
  const outcomes: BatchOutcome[] = new Array(items.length);
  const planned: { index: number; plan: Plan }[] = [];
  items.forEach(({ input, idempotencyKey, byok }, index) => {
    try {
      planned.push({ index, plan: planCharge(caller, input, idempotencyKey, now, byok) });
    } catch (error) {
      outcomes[index] = { ok: false, error };
    }
  });
  // Calls before a batch's first volume-priced call take the month-to-date row's lock first, so every
  // charge locks it before the quota and spend rows (tollgate_count_volume's lock order).
  const firstVolume = planned.findIndex((p) => p.plan.call.p_rules && "steps" in p.plan.call.p_rules);
  for (const p of planned.slice(0, Math.max(firstVolume, 0)))
    p.plan.call.p_rules = { ...p.plan.call.p_rules, lockVolume: true };
  return { outcomes, planned };
}

// One call runs the charge function itself; more run through its set-based version, which takes
// the whole batch in one pass when every call is certain to succeed (and call by call otherwise).
const chargeStatement = (
  caller: ApiCaller,
  planned: { plan: Plan }[],
  now: Date,
  guard?: Parameters<typeof sqlCallBatch>[3],
) => {
  const calls = planned.map((p) => p.plan.call);
  return calls.length > 1
    ? sqlCallSet(chargeUsageBatchFn, sharedArgs(caller, now), calls, guard)
    : sqlCallBatch(chargeUsageFn, sharedArgs(caller, now), calls, guard);
};

/**
 * The charge statement's rows. A caller this process remembers (caller.deferred) is authenticated,
 * counted and charged in one statement; when the database no longer agrees with the memory (a key
 * revoked, a plan changed), nothing was charged: the caller is the one just read (or 401/403/429 is
 * thrown), the calls are priced again for it and charged in a second statement.
 */
async function runCharges(caller: ApiCaller, items: Item[], now: Date) {
  let { outcomes, planned } = planAll(caller, items, now);
  if (caller.deferred) {
    const { rows } = await pool().query(
      authenticatedStatement(caller, (guard) => chargeStatement(caller, planned, now, guard)),
    );
    if (confirmCaller(caller, rows)) return { outcomes, planned, rows: rows.filter((r) => r.ord !== null) };
    ({ outcomes, planned } = planAll(caller, items, now));
  }
  if (!planned.length) return { outcomes, planned, rows: [] };
  const { rows } = await pool().query(chargeStatement(caller, planned, now));
  return { outcomes, planned, rows };
}

// A batch runs its calls in order in one statement: one round trip for up to 100 events, in one pass
// when every call is certain to succeed (tollgate_charge_usage_batch), else call by call through the
// same charge function. Refusals are per item; nothing is shared but the transaction.
export async function chargeUsageBatch(
  caller: ApiCaller,
  items: Item[],
  now = new Date(),
): Promise<BatchOutcome[]> {
  const { outcomes, planned, rows } = await runCharges(caller, items, now);
  let last: ChargeResult | null = null;
  let quotaExhausted: Date | null = null;
  for (const [r, row] of rows.entries()) {
    const { index, plan } = planned[r];
    try {
      outcomes[index] = {
        ok: true,
        result: (last = await settle(caller, plan, parseSqlRow(chargeUsageFn, row), now)),
      };
    } catch (error) {
      if (error instanceof QuotaExceededError) quotaExhausted = plan.resetsAt;
      outcomes[index] = { ok: false, error };
    }
  }
  // Calls in a batch run in order: the last one shows the lowest balance and the highest quota use.
  if (last) noticeCharge(caller.workspace.id, last);
  if (quotaExhausted) noticeQuotaExhausted(caller.workspace.id, quotaExhausted);
  for (const [index, o] of outcomes.entries()) {
    // Counted once the caller is confirmed: a stale memory of the plan never counts a refusal.
    if (!o.ok && o.error instanceof ModelNotAllowedError)
      countRefusal(caller.workspace.id, items[index].input.model, "model_not_allowed", now);
    // Counted in memory for /api/metrics: charged, replayed, or the refusal's code.
    countCharge(o.ok ? (o.result.replayed ? "replayed" : "charged") : errorCodeOf(o.error));
  }
  return outcomes;
}
