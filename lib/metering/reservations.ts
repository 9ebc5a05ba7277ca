import "server-only";
import { z } from "zod";
import { noticeCharge } from "@/lib/notifications/trigger";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { priceCall } from "@/lib/catalog/pricing";
import type { ApiCaller } from "./authenticate";
import { metadataSchema, quantity, safeString, tokenCount } from "@/lib/http/schemas";
import { assertPriceable, resolveModel, type ChargeResult } from "./charge";
import { InsufficientCreditsError, InvalidRequestError, SpendCapReachedError } from "./errors";

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

function priceFor(
  caller: ApiCaller,
  model: ReturnType<typeof resolveModel>,
  usage: z.infer<typeof commitSchema>,
) {
  const price = priceCall({
    model,
    usage,
    tierMarkupBps: caller.tier.markupBps,
    defaultMarkupBps: caller.catalog.settings.defaultMarkupBps,
  });
  assertPriceable(price);
  return price;
}

/**
 * Holds the estimated cost of a call (credits) until it is committed, released or expires. The
 * hold counts against the key's and the member's monthly spend caps until then.
 */
export async function holdCredits(caller: ApiCaller, input: z.input<typeof holdSchema>) {
  const model = resolveModel(caller, input.model);
  const estimate = priceFor(caller, model, input);
  const id = `res_${crypto.randomUUID().replaceAll("-", "")}`;
  const expiresAt = new Date(Date.now() + (input.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000);
  const [row] = await db.$queryRaw<{ outcome: string; balance: bigint }[]>`
    select * from tollgate_hold(${id}, ${caller.workspace.id}, ${caller.apiKey.id}, ${model.id}, ${model.key}, ${estimate.millicredits}::bigint, ${expiresAt}::timestamp,
      ${caller.apiKey.monthlySpendCapMillicredits}::bigint, ${caller.member?.userId ?? null}::text, ${caller.member?.monthlySpendCapMillicredits ?? null}::bigint)`;
  if (row.outcome === "spend_cap_reached") throw new SpendCapReachedError("api_key");
  if (row.outcome === "member_spend_cap_reached") throw new SpendCapReachedError("member");
  if (row.outcome !== "ok") throw new InsufficientCreditsError(estimate.millicredits, row.balance);
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
): Promise<ChargeResult & { reservationId: string; heldMillicredits: bigint }> {
  const reservation = await db.reservation.findFirst({ where: { id, workspaceId: caller.workspace.id } });
  if (!reservation) throw new NotFoundError("Reservation");
  const model = caller.catalog.models.get(reservation.modelKey);
  if (!model) throw new InvalidRequestError("The reserved model no longer exists.");
  const price = priceFor(caller, model, input);
  const token = model.unit === "token";
  const eventId = `evt_${crypto.randomUUID().replaceAll("-", "")}`;
  const [row] = await db.$queryRaw<
    { outcome: string; held: bigint | null; charged: bigint | null; balance: bigint | null }[]
  >`
    select * from tollgate_commit_reservation(${id}, ${caller.workspace.id}, ${eventId},
      ${token ? null : BigInt(input.quantity ?? 1)}::bigint, ${token ? BigInt(input.inputTokens ?? 0) : null}::bigint, ${token ? BigInt(input.outputTokens ?? 0) : null}::bigint,
      ${price.millicredits}::bigint, ${price.markupBps}::int, ${price.priceVersion}::int, ${price.providerCostMicros}::bigint,
      ${input.metadata ? JSON.stringify(input.metadata) : null}::jsonb)`;
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
  return { ...result, reservationId: id, heldMillicredits: row.held! };
}

export async function releaseReservation(
  workspaceId: string | null,
  id: string,
  status: "released" | "expired" = "released",
) {
  const [row] = await db.$queryRaw<{ outcome: string; released: bigint | null; balance: bigint | null }[]>`
    select * from tollgate_release_reservation(${id}, ${workspaceId}, ${status})`;
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
    const [row] = await db.$queryRaw<
      { outcome: string }[]
    >`select * from tollgate_release_reservation(${id}, ${null}, ${"expired"})`;
    if (row.outcome === "ok") released++;
  }
  return released;
}
