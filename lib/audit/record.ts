import "server-only";
import { db, type Prisma, type Tx } from "@/lib/db";
import { AUDIT_CHAIN_LOCK, entryHash } from "./chain";

export type Actor = { id: string; email: string } | null;

export type AuditEntry = {
  actor: Actor;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** JSON-safe copy of a row for before/after: BigInt as string, Date as ISO string. */
export function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/**
 * Writes one audit entry; pass the transaction that makes the change so both commit together.
 * The entry joins the hash chain under an advisory lock held until that transaction commits,
 * so concurrent writers never link to the same previous entry.
 */
export async function recordAudit(tx: Tx | typeof db, entry: AuditEntry) {
  if (tx === db) return db.$transaction((t) => append(t, entry), { maxWait: 10_000, timeout: 10_000 });
  return append(tx, entry);
}

async function append(tx: Tx | typeof db, entry: AuditEntry) {
  await tx.$executeRaw`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditLog.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const before = snapshot(entry.before);
  const after = snapshot(entry.after);
  const fields = {
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    createdAt: new Date(), // set here, under the lock, so createdAt follows seq order
  };
  const prevHash = last?.hash ?? null;
  const hash = entryHash(prevHash, { ...fields, before: before ?? null, after: after ?? null });
  await tx.auditLog.create({ data: { ...fields, before, after, prevHash, hash } });
}
