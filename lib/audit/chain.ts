import "server-only";
import { createHash } from "node:crypto";
import { db, type Prisma } from "@/lib/db";

// The audit log is a hash chain in seq order: each entry's hash covers its own fields and the
// previous entry's hash, so editing or deleting a row breaks every link after it.

/** Key for pg_advisory_xact_lock: audit writes take it so they join the chain one at a time, in commit order. */
export const AUDIT_CHAIN_LOCK = 0x746f6c6c61756474n; // "tollaudt"

/** The fields a hash covers, as they read back from the database (JSON columns as parsed JSON). */
export type ChainedFields = {
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

/** JSON with object keys sorted at every level: PostgreSQL's jsonb reorders keys, so the hash must not depend on order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export function entryHash(prevHash: string | null, entry: ChainedFields): string {
  const body = canonicalJson({
    actorId: entry.actorId,
    actorEmail: entry.actorEmail,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before,
    after: entry.after,
    createdAt: entry.createdAt.toISOString(),
  });
  return createHash("sha256")
    .update(`${prevHash ?? ""}\n${body}`)
    .digest("hex");
}

export type BrokenLink = {
  id: string;
  seq: bigint;
  createdAt: Date;
  reason: "hash mismatch" | "previous hash mismatch";
};

export type ChainVerification =
  | { ok: true; checked: number; firstSeq: bigint | null; lastSeq: bigint | null; note: string | null }
  | { ok: false; checked: number; brokenAt: BrokenLink; note: string | null };

const chainSelect = {
  id: true,
  seq: true,
  actorId: true,
  actorEmail: true,
  action: true,
  targetType: true,
  targetId: true,
  before: true,
  after: true,
  createdAt: true,
  prevHash: true,
  hash: true,
} satisfies Prisma.AuditLogSelect;

/**
 * Recomputes every entry's hash in seq order, a batch at a time, and reports the first broken link.
 * Retention deletes the oldest entries, so the first remaining entry's own prevHash cannot be
 * checked: the chain is verified from it on. `fromSeq` checks only the entries from there on,
 * linked to the entry before them when it still exists.
 */
export async function verifyAuditChain(
  opts: { fromSeq?: bigint; batchSize?: number } = {},
): Promise<ChainVerification> {
  const batchSize = opts.batchSize ?? 1000;
  let checked = 0;
  let firstSeq: bigint | null = null;
  let lastSeq: bigint | null = null;
  // The hash the next entry must link to; undefined while no earlier entry is known.
  let lastHash: string | undefined;
  let note: string | null = null;
  let legacy = 0;

  if (opts.fromSeq !== undefined) {
    const before = await db.auditLog.findFirst({
      where: { seq: { lt: opts.fromSeq } },
      orderBy: { seq: "desc" },
      select: { hash: true },
    });
    lastHash = before?.hash;
  }

  for (;;) {
    const where: Prisma.AuditLogWhereInput =
      lastSeq === null
        ? opts.fromSeq === undefined
          ? {}
          : { seq: { gte: opts.fromSeq } }
        : { seq: { gt: lastSeq } };
    const rows = await db.auditLog.findMany({
      where,
      orderBy: { seq: "asc" },
      take: batchSize,
      select: chainSelect,
    });
    for (const row of rows) {
      if (row.hash === "" && firstSeq === null) {
        // Written before the chain existed (the migration that added it leaves old rows unhashed).
        legacy++;
        note = `${legacy} ${legacy === 1 ? "entry" : "entries"} written before the hash chain began ${legacy === 1 ? "is" : "are"} not covered`;
        lastSeq = row.seq;
        lastHash = "";
        continue;
      }
      checked++;
      firstSeq ??= row.seq;
      if (lastHash === undefined) {
        if (row.prevHash !== null)
          note = `chain starts at entry #${row.seq}; older entries removed by retention`;
      } else if (row.prevHash !== lastHash) {
        return { ok: false, checked, brokenAt: broken(row, "previous hash mismatch"), note };
      }
      if (entryHash(row.prevHash, row) !== row.hash)
        return { ok: false, checked, brokenAt: broken(row, "hash mismatch"), note };
      lastSeq = row.seq;
      lastHash = row.hash;
    }
    if (rows.length < batchSize) return { ok: true, checked, firstSeq, lastSeq, note };
  }
}

function broken(row: { id: string; seq: bigint; createdAt: Date }, reason: BrokenLink["reason"]): BrokenLink {
  return { id: row.id, seq: row.seq, createdAt: row.createdAt, reason };
}
