import { db, type Prisma, type Tx } from "@/lib/db";

export type Actor = { id: string; email: string } | null;

/** JSON-safe copy of a row for before/after: BigInt as string, Date as ISO string. */
export function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/** Writes one audit entry; pass the transaction that makes the change so both commit together. */
export async function recordAudit(
  tx: Tx | typeof db,
  entry: { actor: Actor; action: string; targetType: string; targetId?: string | null; before?: unknown; after?: unknown },
) {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id,
      actorEmail: entry.actor?.email,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    },
  });
}
