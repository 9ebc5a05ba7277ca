import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { emailSchema, newReferralCode } from "@/lib/auth/accounts";
import { grantIncludedCredits } from "@/lib/billing/included-credits";
import { changeBalance, ledgerEntryByReference } from "@/lib/billing/ledger";
import { planOf } from "@/lib/billing/plan";
import { replaceLiveSubscription } from "@/lib/billing/subscriptions";
import { db, type Tx } from "@/lib/db";
import { pageWindow } from "@/lib/db/page";
import { AppError, NotFoundError } from "@/lib/errors";
import { boundedInt, idempotencyKeySchema, MAX_MONEY, MAX_MONEY_BIG, safeString } from "@/lib/http/schemas";
import { createApiKey } from "@/lib/metering/api-keys";
import { IdempotencyKeyReusedError, InvalidRequestError } from "@/lib/metering/errors";
import { nextUtcMidnight, utcDay } from "@/lib/metering/time";

// The management API's domain: what the company's own backend does to workspaces.

export const createWorkspaceSchema = z
  .object({
    name: safeString(100).trim().min(1),
    ownerEmail: emailSchema,
    tier: safeString(60).min(1).optional(),
    accountType: z.enum(["payg", "subscription"]).optional(),
  })
  .strict();

export const creditsSchema = z
  .object({
    millicredits: boundedInt(-MAX_MONEY, MAX_MONEY).refine((v) => v !== 0, "Must not be zero."),
    reason: safeString(300).trim().min(1, "A reason is required."),
    idempotencyKey: idempotencyKeySchema,
  })
  .strict();

export const subscriptionSchema = z
  .object({ tier: safeString(60).min(1), interval: z.enum(["month", "year"]).default("month") })
  .strict();

export const apiKeySchema = z.object({ name: safeString(100).trim().min(1) }).strict();

async function findTier(code: string) {
  const tier = await db.tier.findUnique({ where: { code } });
  if (!tier || tier.archivedAt)
    throw new AppError("invalid_request", `Unknown or archived tier "${code}".`, 400);
  return tier;
}

/** A manual (comp) plan: replaces any live subscription with one the company grants directly. */
export async function setManualSubscription(
  actor: Actor,
  workspaceId: string,
  input: z.infer<typeof subscriptionSchema>,
) {
  const tier = await findTier(input.tier);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const ws = await tx.workspace.findUnique({ where: { id: workspaceId } });
    if (!ws) throw new NotFoundError("Workspace");
    const { ended, subscription } = await replaceLiveSubscription(tx, {
      workspaceId,
      tierId: tier.id,
      interval: input.interval,
      provider: "manual",
      start: now,
    });
    await recordAudit(tx, {
      actor,
      action: "subscription.manual",
      targetType: "workspace",
      targetId: workspaceId,
      before: ended,
      after: subscription,
    });
    await grantIncludedCredits(tx, workspaceId, { at: now, plan: tier });
    return subscription;
  });
}

export async function createManagedWorkspace(actor: Actor, input: z.infer<typeof createWorkspaceSchema>) {
  if (input.tier) await findTier(input.tier);
  const ws = await db.$transaction(async (tx) => {
    // The owner may not have an account yet; they claim it through "forgot password".
    const owner =
      (await tx.user.findUnique({ where: { email: input.ownerEmail } })) ??
      (await tx.user.create({ data: { email: input.ownerEmail, referralCode: newReferralCode() } }));
    const workspace = await tx.workspace.create({
      data: {
        name: input.name,
        slug: `${input.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .slice(0, 30)}-${randomBytes(3).toString("hex")}`,
        accountType: input.accountType ?? "subscription",
        memberships: { create: { userId: owner.id, role: "owner" } },
      },
    });
    await recordAudit(tx, {
      actor,
      action: "workspace.create",
      targetType: "workspace",
      targetId: workspace.id,
      after: workspace,
    });
    return workspace;
  });
  if (input.tier && input.tier !== "free")
    await setManualSubscription(actor, ws.id, { tier: input.tier, interval: "month" });
  else await db.$transaction((tx) => grantIncludedCredits(tx, ws.id));
  if (input.accountType)
    await db.workspace.update({ where: { id: ws.id }, data: { accountType: input.accountType } });
  return describeWorkspace(ws.id);
}

export async function describeWorkspace(id: string, now = new Date()) {
  const ws = await db.workspace.findUnique({ where: { id } });
  if (!ws) throw new NotFoundError("Workspace");
  const { subscription: sub, tier, dailyQuotaUnits } = await planOf(id);
  const counter = await db.quotaCounter.findUnique({
    where: { workspaceId_day: { workspaceId: id, day: utcDay(now) } },
  });
  return {
    id: ws.id,
    name: ws.name,
    tier: tier.code,
    accountType: ws.accountType,
    suspended: Boolean(ws.suspendedAt),
    balance: ws.balanceMillicredits,
    quota:
      ws.accountType === "subscription"
        ? { used: counter?.used ?? 0, limit: dailyQuotaUnits, resetsAt: nextUtcMidnight(now) }
        : null,
    subscription: sub && {
      id: sub.id,
      tier: sub.tier.code,
      interval: sub.interval,
      status: sub.status,
      provider: sub.provider,
      currentPeriodEnd: sub.currentPeriodEnd,
      cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
    },
  };
}

// A concurrent request with the same idempotency key wrote its entry first; this one rolls back.
class AlreadyApplied extends Error {}

type Earlier = { amountMillicredits: bigint; reason: string | null } | null;

/** A key already used: the same amount and reason replay (nothing changes), anything else is 409. */
function replayOrConflict(earlier: Earlier, amount: bigint, reason: string) {
  if (earlier && (earlier.amountMillicredits !== amount || earlier.reason !== reason))
    throw new IdempotencyKeyReusedError("idempotencyKey");
  return earlier !== null;
}

const earlierEntry = (
  tx: Pick<Tx, "ledgerReference" | "ledgerEntry">,
  workspaceId: string,
  reference: string,
) => ledgerEntryByReference(tx, { workspaceId, kind: "admin_adjustment", reference });

/**
 * Grants or deducts credits; the idempotency key is the ledger reference, so a retry changes
 * nothing, and the key reused with another amount or reason is refused (409). The ledger entry,
 * the balance and the audit entry commit together.
 */
export async function adjustCredits(actor: Actor, workspaceId: string, input: z.infer<typeof creditsSchema>) {
  const amount = BigInt(input.millicredits);
  const reference = `admin:${input.idempotencyKey}`;
  try {
    return await db.$transaction(async (tx) => {
      const ws = await tx.workspace.findUnique({
        where: { id: workspaceId },
        select: { balanceMillicredits: true },
      });
      if (!ws) throw new NotFoundError("Workspace");
      if (replayOrConflict(await earlierEntry(tx, workspaceId, reference), amount, input.reason))
        return { balanceMillicredits: ws.balanceMillicredits, applied: false };
      if (ws.balanceMillicredits + amount > MAX_MONEY_BIG)
        throw new InvalidRequestError("The balance would pass 2^53 - 1 millicredits.");
      const result = await changeBalance(
        {
          workspaceId,
          amountMillicredits: amount,
          kind: "admin_adjustment",
          reference,
          reason: input.reason,
          actorId: actor?.id,
        },
        tx,
      );
      if (!result.applied) throw new AlreadyApplied();
      await recordAudit(tx, {
        actor,
        action: "credits.adjust",
        targetType: "workspace",
        targetId: workspaceId,
        before: { balance: result.balanceMillicredits - amount },
        after: { ...input, balanceAfter: result.balanceMillicredits },
      });
      return result;
    });
  } catch (e) {
    if (!(e instanceof AlreadyApplied)) throw e;
    replayOrConflict(await earlierEntry(db, workspaceId, reference), amount, input.reason);
    const ws = await db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { balanceMillicredits: true },
    });
    return { balanceMillicredits: ws.balanceMillicredits, applied: false };
  }
}

export async function issueWorkspaceKey(actor: Actor, workspaceId: string, name: string) {
  await assertWorkspace(workspaceId);
  return createApiKey(actor, workspaceId, { name });
}

export const pageSchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

async function assertWorkspace(id: string) {
  if (!(await db.workspace.findUnique({ where: { id }, select: { id: true } })))
    throw new NotFoundError("Workspace");
}

/** One page of a workspace's rows (404 for an unknown workspace), with the total for the pager. */
async function workspacePage<T>(
  workspaceId: string,
  paging: z.infer<typeof pageSchema>,
  list: {
    count: (where: { workspaceId: string }) => Promise<number>;
    rows: (where: { workspaceId: string }, window: { skip: number; take: number }) => Promise<T[]>;
  },
) {
  await assertWorkspace(workspaceId);
  const where = { workspaceId };
  const [total, rows] = await Promise.all([list.count(where), list.rows(where, pageWindow(paging))]);
  return { total, ...paging, rows };
}

export function pagedLedger(workspaceId: string, paging: z.infer<typeof pageSchema>) {
  return workspacePage(workspaceId, paging, {
    count: (where) => db.ledgerEntry.count({ where }),
    rows: (where, window) =>
      db.ledgerEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { seq: "desc" }], ...window }),
  });
}

export function pagedUsage(workspaceId: string, paging: z.infer<typeof pageSchema>) {
  return workspacePage(workspaceId, paging, {
    count: (where) => db.usageEvent.count({ where }),
    rows: (where, window) =>
      db.usageEvent.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        omit: { responseBody: true },
        ...window,
      }),
  });
}
