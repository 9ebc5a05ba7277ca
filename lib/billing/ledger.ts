import "server-only";
import { randomUUID } from "node:crypto";
import { db, type LedgerKind, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type BalanceChange = {
  workspaceId: string;
  amountMillicredits: bigint;
  kind: LedgerKind;
  /** Unique per workspace and kind: a retry with the same reference changes nothing. */
  reference: string;
  reason?: string | null;
  actorId?: string | null;
  /**
   * When the credits this change adds stop being spendable (included credits: the end of their
   * month; promotional credits: an admin-set number of days). Omitted: they never expire.
   */
  expiresAt?: Date | null;
};

/**
 * Moves a workspace's balance and appends its ledger entry in one statement. Debits never take the
 * balance below zero (refused, and the CHECK constraint backs it). A repeated reference is a no-op
 * that returns the entry already written. Pass a transaction to make the change part of it (a
 * repeated reference then fails that transaction, which its caller must prevent).
 */
export async function changeBalance(change: BalanceChange, executor: Tx | typeof db = db) {
  try {
    const rows = await executor.$queryRaw<{ balance: bigint }[]>`
      with w as (
        update "Workspace" set "balanceMillicredits" = "balanceMillicredits" + ${change.amountMillicredits}::bigint
        where id = ${change.workspaceId} and "balanceMillicredits" + ${change.amountMillicredits}::bigint >= 0
        returning "balanceMillicredits"
      )
      insert into "LedgerEntry" ("id", "workspaceId", "kind", "amountMillicredits", "balanceAfterMillicredits", "reference", "reason", "actorId", "createdAt")
      select ${`le_${randomUUID().replaceAll("-", "")}`}, ${change.workspaceId}, ${change.kind}::"LedgerKind", ${change.amountMillicredits}::bigint,
             w."balanceMillicredits", ${change.reference}, ${change.reason ?? null}, ${change.actorId ?? null}, timezone('UTC', now())
      from w
      returning "balanceAfterMillicredits" as balance`;
    if (!rows[0]) throw new AppError("insufficient_credits", "The balance cannot go below zero.", 402);
    return { balanceMillicredits: rows[0].balance, applied: true };
  } catch (e) {
    // Same reference twice: the unique index refused the second entry and the statement rolled back whole.
    if (
      e instanceof Error &&
      /23505|LedgerEntry_workspaceId_kind_reference_key/.test(`${(e as { code?: string }).code} ${e.message}`)
    ) {
      const ws = await db.workspace.findUniqueOrThrow({ where: { id: change.workspaceId } });
      return { balanceMillicredits: ws.balanceMillicredits, applied: false };
    }
    throw e;
  }
}
