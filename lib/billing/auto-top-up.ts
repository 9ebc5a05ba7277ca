import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { formatCents } from "@/lib/catalog/money";
import { db } from "@/lib/db";
import { deliverQueued } from "@/lib/email/send";
import { env } from "@/lib/env";
import { AppError, NotFoundError } from "@/lib/errors";
import { boundedInt, MAX_INT4, MAX_MONEY } from "@/lib/http/schemas";
import { CardDeclinedError } from "@/lib/payments/cards";
import { buyPackWithSavedCard, cardLabel, NoSavedCardError, savedCard } from "@/lib/payments/saved-card";
import { billingContact, emailBillingContact } from "@/lib/payments/webhooks/shared";
import { autoTopUpReference } from "./auto-top-up-state";
import { forgetAutoTopUp } from "./auto-top-up-trigger";
import { log } from "@/lib/observability/logger";

// Auto top-up (SPEC §8.2): when a charge leaves the balance below the owner's threshold, one charge
// of the saved card buys the chosen pack, never past the monthly cap. The metering path only
// enqueues a job (auto-top-up-trigger.ts); this runs off the hot path. A crossing is claimed in
// one UPDATE (no lock held across round trips): it numbers the crossing and marks it in flight, so
// 50 concurrent runs start one purchase, whose checkout id `auto-topup:<ws>:<seq>` is also the
// provider's idempotency key. The payment_intent.succeeded webhook settles the crossing; a
// decline pauses auto top-up and emails the owner.

export const autoTopUpSchema = z
  .object({
    enabled: z.boolean(),
    thresholdMillicredits: boundedInt(0, MAX_MONEY),
    pack: z.string().trim().min(1, "Choose a pack.").max(60),
    monthlyCapCents: boundedInt(0, MAX_INT4),
  })
  .strict();
export type AutoTopUpInput = z.infer<typeof autoTopUpSchema>;

/** A crossing in flight longer than this (a crash between claim and charge) may be claimed again. */
const STALE_CLAIM = "10 minutes";

/** `/me`'s autoTopUp block and the settings form's values; null pack when none is set. */
export async function autoTopUpSettings(workspaceId: string) {
  const row = await db.autoTopUp.findUnique({ where: { workspaceId } });
  if (!row)
    return { enabled: false, thresholdMillicredits: 0n, pack: null, monthlyCapCents: 0, paused: null };
  const pack = await db.creditPack.findUnique({ where: { id: row.creditPackId } });
  return {
    enabled: row.enabled,
    thresholdMillicredits: row.thresholdMillicredits,
    pack: pack && { code: pack.code, name: pack.name, priceCents: pack.priceCents, currency: pack.currency },
    monthlyCapCents: row.monthlyCapCents,
    paused: row.pausedAt ? { at: row.pausedAt, reason: row.pauseReason } : null,
  };
}

/** The API's shape (`/me` and the management API): SPEC §8.2 `autoTopUp`. */
export async function autoTopUpBody(workspaceId: string) {
  const s = await autoTopUpSettings(workspaceId);
  return {
    enabled: s.enabled,
    thresholdMillicredits: Number(s.thresholdMillicredits),
    pack: s.pack?.code ?? null,
    monthlyCapCents: s.monthlyCapCents,
    pausedAt: s.paused?.at.toISOString() ?? null,
  };
}

/** Saves the settings (audited). Saving, like updating the card, lifts a pause after a decline. */
export async function saveAutoTopUp(actor: Actor, workspaceId: string, input: AutoTopUpInput) {
  const pack = await db.creditPack.findUnique({ where: { code: input.pack } });
  if (!pack || !pack.active)
    throw new AppError("invalid_request", `Unknown credit pack "${input.pack}".`, 400);
  if (input.enabled && input.monthlyCapCents < pack.priceCents)
    throw new AppError(
      "invalid_request",
      `The monthly cap must be at least the pack's price (${formatCents(pack.priceCents, pack.currency)}).`,
      400,
    );
  const data = {
    enabled: input.enabled,
    thresholdMillicredits: BigInt(input.thresholdMillicredits),
    creditPackId: pack.id,
    monthlyCapCents: input.monthlyCapCents,
    pausedAt: null,
    pauseReason: null,
  };
  const saved = await db.$transaction(async (tx) => {
    if (!(await tx.workspace.findUnique({ where: { id: workspaceId }, select: { id: true } })))
      throw new NotFoundError("Workspace");
    const before = await tx.autoTopUp.findUnique({ where: { workspaceId } });
    const after = await tx.autoTopUp.upsert({
      where: { workspaceId },
      create: { workspaceId, ...data },
      update: data,
    });
    await recordAudit(tx, {
      actor,
      action: "workspace.auto_top_up",
      targetType: "workspace",
      targetId: workspaceId,
      before,
      after,
    });
    return after;
  });
  forgetAutoTopUp(workspaceId);
  // Already below the threshold: the first top-up need not wait for the next call.
  if (saved.enabled)
    await runAutoTopUp(workspaceId).catch((e: unknown) => log.error({ err: e }, "auto top-up failed"));
  return autoTopUpSettings(workspaceId);
}

type Claim = { seq: number; creditPackId: string };

/** Claims the current crossing: enabled, not paused, nothing in flight, balance below the threshold, room under the cap. */
async function claimCrossing(workspaceId: string): Promise<Claim | null> {
  const rows = await db.$queryRaw<Claim[]>`
    update "AutoTopUp" a set seq = a.seq + 1, "chargingSince" = now(), "updatedAt" = now()
    from "Workspace" w, "CreditPack" p
    where a."workspaceId" = ${workspaceId} and w.id = a."workspaceId" and p.id = a."creditPackId"
      and a.enabled and a."pausedAt" is null and p.active
      and (a."chargingSince" is null or a."chargingSince" < now() - ${STALE_CLAIM}::interval)
      and w."balanceMillicredits" < a."thresholdMillicredits"
      and p."priceCents" + (
        select coalesce(sum(pay."amountCents"), 0) from "Payment" pay
        where pay."workspaceId" = a."workspaceId" and pay.status <> 'failed'
          and pay."checkoutSessionId" like 'auto-topup:%'
          and pay."createdAt" >= date_trunc('month', now() at time zone 'UTC')
      ) <= a."monthlyCapCents"
    returning a.seq, a."creditPackId"`;
  return rows[0] ?? null;
}

export type AutoTopUpRun = { status: "none" | "charged" | "in_progress" | "declined" };

/** One pass for the workspace: buys the pack if this crossing needs it. Idempotent; safe concurrently. */
export async function runAutoTopUp(workspaceId: string): Promise<AutoTopUpRun> {
  const claim = await claimCrossing(workspaceId);
  if (!claim) return { status: "none" };
  const checkoutId = autoTopUpReference(workspaceId, claim.seq);
  try {
    const owner = await billingContact(db, workspaceId);
    const outcome = await buyPackWithSavedCard({
      workspaceId,
      userId: owner.id,
      packId: claim.creditPackId,
      checkoutId,
    });
    return { status: outcome.status === "in_progress" ? "in_progress" : "charged" };
  } catch (e) {
    if (e instanceof CardDeclinedError || e instanceof NoSavedCardError) {
      await pauseAfterDecline(workspaceId, checkoutId, claim.creditPackId, e.message);
      return { status: "declined" };
    }
    // Anything else (provider down): free the crossing so the next charge tries again.
    await db.autoTopUp.update({ where: { workspaceId }, data: { chargingSince: null } });
    throw e;
  }
}

async function pauseAfterDecline(workspaceId: string, checkoutId: string, packId: string, reason: string) {
  const [card, pack] = await Promise.all([
    savedCard(workspaceId),
    db.creditPack.findUniqueOrThrow({ where: { id: packId } }),
  ]);
  const key = await db.$transaction(async (tx) => {
    const ws = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    await tx.autoTopUp.update({
      where: { workspaceId },
      data: { pausedAt: new Date(), pauseReason: reason, chargingSince: null },
    });
    return emailBillingContact(tx, workspaceId, {
      template: "auto-top-up-declined",
      idempotencyKey: `auto-top-up-declined:${checkoutId}`,
      props: {
        workspace: ws.name,
        pack: pack.name,
        amount: formatCents(pack.priceCents, pack.currency),
        card: card ? cardLabel(card) : "no card on file",
        reason,
        creditsUrl: `${env.APP_URL}/dashboard/credits`,
      },
    });
  });
  forgetAutoTopUp(workspaceId);
  await deliverQueued(key);
}

/** The card was updated: a paused auto top-up resumes. */
export async function resumeAutoTopUp(workspaceId: string) {
  await db.autoTopUp.updateMany({ where: { workspaceId }, data: { pausedAt: null, pauseReason: null } });
  forgetAutoTopUp(workspaceId);
}
