import "server-only";
import { randomUUID } from "node:crypto";
import { bucketSource, SOURCE_PRIORITY } from "@/lib/billing/buckets";
import { db, type CreditSource, type LedgerKind, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { nextUtcMonth } from "@/lib/metering/time";
import { getSettings } from "@/lib/settings/settings";

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
  /** A debit's first source: the bucket granted by this entry (a refund takes back what it bought). */
  from?: { kind: LedgerKind; reference: string };
};

/**
 * Moves a workspace's balance and appends its ledger entry in one statement
 * (prisma/sql/tollgate_change_balance.sql). A credit is a new bucket (lib/billing/buckets.ts) that
 * expires at `expiresAt`, or by its source's rule when that is not given: included credits at the
 * end of the month, promotional ones after the admin-set number of days. A debit takes from the
 * bucket `from` names first, then in drawing order, and never takes the balance below zero
 * (refused, and the CHECK constraints back it). A repeated reference is a no-op that returns the
 * balance as it is. Pass a transaction to make the change part of it (a repeated reference then
 * fails that transaction, which its caller must prevent).
 */
export async function changeBalance(change: BalanceChange, executor: Tx | typeof db = db) {
  const credit = change.amountMillicredits > 0n;
  const source = credit ? bucketSource(change.kind) : null;
  const expiresAt = source ? (change.expiresAt ?? (await defaultExpiry(source))) : null;
  try {
    const rows = await executor.$queryRaw<{ balance: bigint | null }[]>`
      select tollgate_change_balance(
        p_id => ${`le_${randomUUID().replaceAll("-", "")}`}, p_workspace_id => ${change.workspaceId},
        p_kind => ${change.kind}::"LedgerKind", p_amount => ${change.amountMillicredits}::bigint,
        p_reference => ${change.reference}, p_reason => ${change.reason ?? null}, p_actor_id => ${change.actorId ?? null},
        p_source => ${source}::"CreditSource", p_priority => ${source ? SOURCE_PRIORITY[source] : null}::int,
        p_expires_at => ${expiresAt}::timestamp,
        p_from_kind => ${change.from?.kind ?? null}::"LedgerKind", p_from_reference => ${change.from?.reference ?? null}
      ) as balance`;
    const balance = rows[0]?.balance;
    if (balance === null || balance === undefined)
      throw new AppError("insufficient_credits", "The balance cannot go below zero.", 402);
    return { balanceMillicredits: balance, applied: true };
  } catch (e) {
    // Same reference twice: LedgerReference's key (or the bucket's) refused it and the statement rolled back whole.
    if (
      e instanceof Error &&
      /23505|LedgerReference_pkey|CreditBucket_workspaceId_ledgerKind_reference_key/.test(
        `${(e as { code?: string }).code} ${e.message}`,
      )
    ) {
      const ws = await db.workspace.findUniqueOrThrow({ where: { id: change.workspaceId } });
      return { balanceMillicredits: ws.balanceMillicredits, applied: false };
    }
    throw e;
  }
}

/**
 * The ledger entry a (workspace, kind, reference) names, or null: LedgerReference holds the key
 * across the ledger's monthly partitions and points at the entry's month (usage entries have no
 * reference row; find them by their event).
 */
export async function ledgerEntryByReference(
  executor: Pick<Tx, "ledgerReference" | "ledgerEntry">,
  where: { workspaceId: string; kind: LedgerKind; reference: string },
) {
  const ref = await executor.ledgerReference.findUnique({ where: { workspaceId_kind_reference: where } });
  return ref
    ? executor.ledgerEntry.findUnique({
        where: { id_createdAt: { id: ref.entryId, createdAt: ref.createdAt } },
      })
    : null;
}

async function defaultExpiry(source: CreditSource): Promise<Date | null> {
  const now = new Date();
  if (source === "included" || source === "rollover") return nextUtcMonth(now); // the end of this UTC month
  if (source === "promotional") {
    const { promotionalCreditDays } = await getSettings();
    return new Date(now.getTime() + promotionalCreditDays * 864e5);
  }
  return null;
}
