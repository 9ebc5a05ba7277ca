import "server-only";
import { z } from "zod";
import { noticeCharge } from "@/lib/notifications/trigger";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { errorCodeOf } from "@/lib/http/errors";
import { countCharge } from "@/lib/observability/metrics";
import type { ApiCaller } from "./authenticate";
import { metadataSchema, quantity, safeString, tokenCount } from "@/lib/http/schemas";
import { assertPriceable, priceWithRules, resolveModel } from "./charge";
import { InsufficientCreditsError, InvalidRequestError } from "./errors";
import { countRefusal } from "./refusal-counts";
import { spendCapRefusal } from "./spend-caps";
import { callFunction, commitReservationFn, holdFn, releaseReservationFn } from "./sql";
import type { ChargeResult } from "./types";

const usageFields = {
  quantity: quantity.optional(),
  inputTokens: tokenCount.optional(),
  outputTokens: tokenCount.optional(),
};

export const holdSchema = z
  .object({
    model: safeString(120).min(1),
    ...usageFields,
    ttlSeconds: z.number().int().min(10).max(3600).default(300),
  })
  .strict();
export const commitSchema = z.object({ ...usageFields, metadata: metadataSchema.optional() }).strict();

const DEFAULT_TTL_SECONDS = 300;

// Holds and commits are priced with the rules in force at that moment: the hold's estimate with the
// time rule's multiplier, the commit with both (its volume steps applied in the commit statement).
function priceFor(
  caller: ApiCaller,
  model: ReturnType<typeof resolveModel>,
  usage: z.infer<typeof commitSchema>,
  now = new Date(),
) {
  const priced = priceWithRules(caller, model, usage, now);
  assertPriceable(priced.price);
  return priced;
}

/**
 * Holds the estimated cost of a call (credits) until it is committed, released or expires. The
 * hold counts against the key's and the member's monthly spend caps until then.
 */
export async function holdCredits(caller: ApiCaller, input: z.input<typeof holdSchema>) {
  try {
    return await hold(caller, input);
  } catch (e) {
    countCharge(errorCodeOf(e)); // a refused hold is a refused call; a granted one counts at commit
    throw e;
  }
}

async function hold(caller: ApiCaller, input: z.input<typeof holdSchema>) {
  const model = resolveModel(caller, input.model);
  const estimate = priceFor(caller, model, input).price;
  const id = `res_${crypto.randomUUID().replaceAll("-", "")}`;
  const expiresAt = new Date(Date.now() + (input.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000);
  const row = await callFunction(holdFn, {
    p_id: id,
    p_workspace_id: caller.workspace.id,
    p_api_key_id: caller.apiKey.id,
    p_model_id: model.id,
    p_model_key: model.key,
    p_amount: estimate.millicredits,
    p_expires_at: expiresAt,
    p_cap: caller.apiKey.monthlySpendCapMillicredits,
    p_member_id: caller.member?.userId ?? null,
    p_member_cap: caller.member?.monthlySpendCapMillicredits ?? null,
  });
  if (row.outcome !== "ok") countRefusal(caller.workspace.id, model.key, row.outcome);
  if (row.outcome === "spend_cap_reached") throw await spendCapRefusal(caller, "api_key");
  if (row.outcome === "member_spend_cap_reached") throw await spendCapRefusal(caller, "member");
  if (row.outcome === "insufficient_credits")
    throw new InsufficientCreditsError(estimate.millicredits, row.balance);
  return {
    id,
    model: model.key,
    heldMillicredits: estimate.millicredits,
    expiresAt,
    balanceMillicredits: row.balance,
  };
}

function settledError(outcome: string): never {
  if (outcome === "not_found") throw new NotFoundError("Reservation");
  if (outcome === "expired" || outcome === "already_expired")
    throw new AppError("reservation_expired", "This reservation expired and its credits were released.", 409);
  throw new AppError(
    "reservation_settled",
    `This reservation is already ${outcome.replace("already_", "")}.`,
    409,
  );
}

/** Charges the actual cost (more or less than the hold) and gives the hold back, in one statement. */
export async function commitReservation(
  caller: ApiCaller,
  id: string,
  input: z.infer<typeof commitSchema>,
  now = new Date(),
): Promise<ChargeResult & { reservationId: string; heldMillicredits: bigint }> {
  const reservation = await db.reservation.findFirst({ where: { id, workspaceId: caller.workspace.id } });
  if (!reservation) throw new NotFoundError("Reservation");
  const model = caller.catalog.models.get(reservation.modelKey);
  if (!model) throw new InvalidRequestError("The reserved model no longer exists.");
  const { price, rules } = priceFor(caller, model, input, now);
  const token = model.unit === "token";
  const eventId = `evt_${crypto.randomUUID().replaceAll("-", "")}`;
  const row = await callFunction(commitReservationFn, {
    p_id: id,
    p_workspace_id: caller.workspace.id,
    p_event_id: eventId,
    p_quantity: token ? null : BigInt(input.quantity ?? 1),
    p_input_tokens: token ? BigInt(input.inputTokens ?? 0) : null,
    p_output_tokens: token ? BigInt(input.outputTokens ?? 0) : null,
    p_charge: price.millicredits,
    p_markup_bps: price.markupBps,
    p_price_version: price.priceVersion,
    p_provider_cost: price.providerCostMicros,
    p_metadata: input.metadata ?? null,
    p_rules: rules,
  });
  if (row.outcome !== "ok") settledError(row.outcome);
  const result = {
    id: eventId,
    model: model.key,
    billedTo: "credits" as const,
    chargedMillicredits: row.charged!,
    balanceMillicredits: row.balance!,
    quota: null,
    replayed: false,
  };
  noticeCharge(caller.workspace.id, result);
  countCharge("charged");
  return { ...result, reservationId: id, heldMillicredits: row.held! };
}

export async function releaseReservation(
  workspaceId: string | null,
  id: string,
  status: "released" | "expired" = "released",
) {
  const row = await callFunction(releaseReservationFn, {
    p_id: id,
    p_workspace_id: workspaceId,
    p_status: status,
  });
  if (row.outcome !== "ok") settledError(row.outcome);
  return { id, releasedMillicredits: row.released!, balanceMillicredits: row.balance! };
}

/** Gives back every hold past its expiry. Safe to run anywhere, any number of times at once. */
export async function releaseExpiredReservations(now = new Date()) {
  const expired = await db.reservation.findMany({
    where: { status: "held", expiresAt: { lte: now } },
    select: { id: true },
    take: 500,
  });
  let released = 0;
  for (const { id } of expired) {
    const row = await callFunction(releaseReservationFn, {
      p_id: id,
      p_workspace_id: null,
      p_status: "expired",
    });
    if (row.outcome === "ok") released++;
  }
  return released;
}
