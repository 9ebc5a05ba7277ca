import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { creditsLabel, parseCredits } from "@/lib/catalog/money";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { adjustCredits, setManualSubscription } from "@/lib/workspaces/administration";
import { revokeApiKey } from "@/lib/metering/api-keys";

// What an admin does to one workspace from the console. Each function checks the target exists
// and writes its audit entry in the transaction that makes the change.

const id = z.string().trim().min(1).max(64);

/** "250 credits", "0.5 credits", "1 credit". */
export const creditsPhrase = (millicredits: bigint) =>
  millicredits === 1000n ? "1 credit" : creditsLabel(millicredits);

// 1 billion credits: far above any real adjustment, and well inside a safe integer of millicredits.
const MAX_ADJUSTMENT = 1_000_000_000_000n;

export const creditsFormSchema = z.object({
  workspaceId: id,
  direction: z.enum(["grant", "deduct"], { error: "Choose grant or deduct." }),
  amount: z.string().transform((text, ctx) => {
    const value = parseCredits(text);
    if (value === null || value <= 0n) {
      ctx.addIssue({
        code: "custom",
        message: "Enter a number of credits above zero, with up to 3 decimals (e.g. 250 or 0.5).",
      });
      return z.NEVER;
    }
    if (value > MAX_ADJUSTMENT) {
      ctx.addIssue({ code: "custom", message: "Enter at most 1,000,000,000 credits." });
      return z.NEVER;
    }
    return value;
  }),
  reason: z
    .string()
    .trim()
    .min(1, "Give a reason; it is stored with the ledger entry.")
    .max(300, "Use at most 300 characters."),
  idempotencyKey: z.string().trim().min(8).max(100),
});

export type CreditsForm = z.infer<typeof creditsFormSchema>;

/**
 * Grants or deducts credits (millicredits in `amount`). The same idempotency key twice is one
 * entry. A deduct that would take the balance below zero is refused with the balance in the message.
 */
export async function adjustWorkspaceCredits(actor: Actor, input: CreditsForm) {
  const ws = await db.workspace.findUnique({ where: { id: input.workspaceId }, select: { name: true } });
  if (!ws) throw new NotFoundError("Workspace");
  const signed = input.direction === "grant" ? input.amount : -input.amount;
  try {
    const result = await adjustCredits(actor, input.workspaceId, {
      millicredits: Number(signed),
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
    });
    return { ...result, workspaceName: ws.name };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "insufficient_credits") throw e;
    const { balanceMillicredits } = await db.workspace.findUniqueOrThrow({
      where: { id: input.workspaceId },
      select: { balanceMillicredits: true },
    });
    throw new AppError(
      "insufficient_credits",
      `Deducting ${creditsPhrase(input.amount)} would take ${ws.name} below zero: its balance is ${creditsPhrase(balanceMillicredits)}. Nothing was changed.`,
      402,
    );
  }
}

export const compPlanFormSchema = z.object({
  workspaceId: id,
  tier: z.string().trim().min(1, "Choose a tier.").max(40),
  interval: z.enum(["month", "year"], { error: "Choose monthly or annual." }),
});

/** A comp plan: a manual subscription on the tier, replacing any live one (audited `subscription.manual`). */
export async function compWorkspace(actor: Actor, input: z.infer<typeof compPlanFormSchema>) {
  const ws = await db.workspace.findUnique({ where: { id: input.workspaceId }, select: { name: true } });
  if (!ws) throw new NotFoundError("Workspace");
  const subscription = await setManualSubscription(actor, input.workspaceId, {
    tier: input.tier,
    interval: input.interval,
  });
  const tier = await db.tier.findUniqueOrThrow({
    where: { id: subscription.tierId },
    select: { name: true },
  });
  return { subscription, tierName: tier.name, workspaceName: ws.name };
}

export const suspendFormSchema = z.object({
  workspaceId: id,
  reason: z
    .string()
    .trim()
    .min(1, "Give a reason for the suspension.")
    .max(300, "Use at most 300 characters."),
});

export const unsuspendFormSchema = z.object({
  workspaceId: id,
  reason: z
    .string()
    .trim()
    .max(300, "Use at most 300 characters.")
    .optional()
    .transform((v) => v || null),
});

/**
 * Suspends the workspace: from the next request on, the v1 API refuses its keys with 403
 * workspace_suspended (authentication reads suspendedAt on every call; nothing caches it).
 */
export async function suspendWorkspace(actor: Actor, input: z.infer<typeof suspendFormSchema>) {
  return setSuspended(actor, input.workspaceId, true, input.reason);
}

export async function unsuspendWorkspace(actor: Actor, input: z.infer<typeof unsuspendFormSchema>) {
  return setSuspended(actor, input.workspaceId, false, input.reason);
}

async function setSuspended(actor: Actor, workspaceId: string, suspend: boolean, reason: string | null) {
  return db.$transaction(async (tx) => {
    const ws = await tx.workspace.findUnique({
      where: { id: workspaceId },
      select: { name: true, suspendedAt: true },
    });
    if (!ws) throw new NotFoundError("Workspace");
    const suspendedAt = suspend ? new Date() : null;
    // Conditional, so two admins acting at once change it (and audit it) once.
    const changed = await tx.workspace.updateMany({
      where: { id: workspaceId, suspendedAt: suspend ? null : { not: null } },
      data: { suspendedAt },
    });
    if (changed.count === 0)
      throw new AppError(
        suspend ? "already_suspended" : "not_suspended",
        `${ws.name} is ${suspend ? "already suspended" : "not suspended"}.`,
        409,
      );
    await recordAudit(tx, {
      actor,
      action: suspend ? "workspace.suspend" : "workspace.unsuspend",
      targetType: "workspace",
      targetId: workspaceId,
      before: { suspendedAt: ws.suspendedAt },
      after: { suspendedAt, ...(reason ? { reason } : {}) },
    });
    return { workspaceName: ws.name, suspendedAt };
  });
}

export const revokeKeyFormSchema = z.object({ workspaceId: id, id });

/** Revokes one of the workspace's API keys (audited `api_key.revoke`); the next call with it gets 401. */
export async function revokeWorkspaceKey(actor: Actor, input: z.infer<typeof revokeKeyFormSchema>) {
  const key = await db.apiKey.findUnique({
    where: { id: input.id },
    select: { workspaceId: true, revokedAt: true },
  });
  if (!key || key.workspaceId !== input.workspaceId) throw new NotFoundError("API key");
  if (key.revokedAt) throw new AppError("already_revoked", "This key is already revoked.", 409);
  return revokeApiKey(actor, input.workspaceId, input.id);
}
