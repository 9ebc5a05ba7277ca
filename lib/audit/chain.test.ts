import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import { getSettings } from "@/lib/settings/settings";
import { canonicalJson, entryHash, verifyAuditChain } from "./chain";
import { recordAudit } from "./record";
import { applyAuditRetention, setAuditRetention } from "./retention";

// The test database is shared with other files, which write audit entries too: every check is
// scoped to the entries this file writes (verifyAuditChain({ fromSeq })), and anything tampered
// with is put back so the chain is whole again when a test ends.
const actor = { id: "audit-chain-test", email: "auditor@example.test" };

async function latestSeq() {
  const { _max } = await db.auditLog.aggregate({ _max: { seq: true } });
  return _max.seq ?? 0n;
}

/** Writes `count` entries one after another and returns them in seq order. */
async function writeEntries(count: number, label = randomUUID()) {
  const start = await latestSeq();
  for (let i = 0; i < count; i++) {
    await recordAudit(db, {
      actor,
      action: "test.chain",
      targetType: "test",
      targetId: `${label}-${i}`,
      before: { i },
      after: { i: i + 1, label },
    });
  }
  return db.auditLog.findMany({
    where: { seq: { gt: start }, targetId: { startsWith: label } },
    orderBy: { seq: "asc" },
  });
}

const setAfter = (id: string, after: unknown) =>
  db.$executeRaw`update "AuditLog" set "after" = ${JSON.stringify(after)}::jsonb where id = ${id}`;

describe("canonicalJson", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }, 3], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1},3]},"b":1}',
    );
  });
});

describe("recordAudit hash chain", () => {
  it("links concurrent writers, with or without a transaction, into one unbroken chain", async () => {
    const start = await latestSeq();
    const label = randomUUID();
    const entry = (i: number) => ({
      actor,
      action: "test.chain.concurrent",
      targetType: "test",
      targetId: `${label}-${i}`,
      // Keys out of order and a BigInt: the hash must match what jsonb hands back.
      after: { zeta: i, alpha: { b: 2n, a: [1, { y: "x", x: "y" }] }, when: new Date(0) },
    });
    const inTransaction = (i: number) =>
      db.$transaction(
        async (tx) => {
          await tx.setting.findMany({ take: 1 });
          await recordAudit(tx, entry(i));
          await recordAudit(tx, entry(i + 1));
        },
        { maxWait: 10_000, timeout: 10_000 },
      );
    const rolledBack = db.$transaction(
      async (tx) => {
        await recordAudit(tx, entry(99));
        throw new Error("roll back");
      },
      { maxWait: 10_000, timeout: 10_000 },
    );

    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => recordAudit(db, entry(i))),
      ...[20, 22, 24, 26, 28].map(inTransaction),
      rolledBack.catch(() => "rolled back"),
    ]);

    const rows = await db.auditLog.findMany({ where: { seq: { gt: start } }, orderBy: { seq: "asc" } });
    const ours = rows.filter((r) => r.targetId?.startsWith(label));
    expect(ours).toHaveLength(30);
    expect(ours.some((r) => r.targetId === `${label}-99`)).toBe(false);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    for (const row of rows) expect(row.hash).toBe(entryHash(row.prevHash, row));

    const result = await verifyAuditChain({ fromSeq: rows[0].seq, batchSize: 7 });
    expect(result).toEqual({
      ok: true,
      checked: rows.length,
      firstSeq: rows[0].seq,
      lastSeq: rows.at(-1)!.seq,
      note: null,
    });
  });

  it("reports an entry whose contents were edited, and only the first of two", async () => {
    const rows = await writeEntries(5);
    const [, , third, fourth] = rows;
    try {
      await setAfter(third.id, { i: 1000, label: "forged" });
      expect(await verifyAuditChain({ fromSeq: rows[0].seq })).toMatchObject({
        ok: false,
        checked: 3,
        brokenAt: { id: third.id, seq: third.seq, createdAt: third.createdAt, reason: "hash mismatch" },
      });

      await setAfter(fourth.id, { i: 2000 });
      expect(await verifyAuditChain({ fromSeq: rows[0].seq })).toMatchObject({
        ok: false,
        brokenAt: { id: third.id, reason: "hash mismatch" },
      });
    } finally {
      await setAfter(third.id, third.after);
      await setAfter(fourth.id, fourth.after);
    }
    expect(await verifyAuditChain({ fromSeq: rows[0].seq })).toMatchObject({ ok: true, checked: 5 });
  });

  it("reports the entry after a deleted one as a broken link", async () => {
    const rows = await writeEntries(5);
    const [, , removed, next] = rows;
    try {
      await db.$executeRaw`delete from "AuditLog" where id = ${removed.id}`;
      expect(await verifyAuditChain({ fromSeq: rows[0].seq })).toMatchObject({
        ok: false,
        brokenAt: { id: next.id, seq: next.seq, reason: "previous hash mismatch" },
      });
    } finally {
      const { before, after, ...rest } = removed;
      await db.auditLog.create({
        data: { ...rest, before: before ?? Prisma.DbNull, after: after ?? Prisma.DbNull },
      });
    }
    expect(await verifyAuditChain({ fromSeq: rows[0].seq })).toMatchObject({ ok: true, checked: 5 });
  });

  // Retention deletes by age from the oldest end, so this also clears other files' older entries.
  it("still verifies after retention removed the oldest entries, and says where the chain starts", async () => {
    const old = await writeEntries(3);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const kept = await writeEntries(3);
    const { auditRetentionDays } = await getSettings();
    // "Now" is exactly the retention period after the first kept entry: everything older goes.
    const now = new Date(kept[0].createdAt.getTime() + auditRetentionDays * 864e5);

    const { deleted } = await applyAuditRetention(now);
    expect(deleted).toBeGreaterThanOrEqual(old.length);
    expect(await db.auditLog.count({ where: { id: { in: old.map((r) => r.id) } } })).toBe(0);

    const result = await verifyAuditChain();
    expect(result).toMatchObject({
      ok: true,
      firstSeq: kept[0].seq,
      note: `chain starts at entry #${kept[0].seq}; older entries removed by retention`,
    });
    expect(result.checked).toBeGreaterThanOrEqual(kept.length);
  });
});

describe("setAuditRetention", () => {
  it("saves the setting and audits the change with before and after", async () => {
    const stored = await db.setting.findUnique({ where: { key: "auditRetentionDays" } });
    const { auditRetentionDays: previous } = await getSettings();
    const start = await latestSeq();
    try {
      await setAuditRetention(actor, 400);
      expect((await getSettings()).auditRetentionDays).toBe(400);
      const entry = await db.auditLog.findFirstOrThrow({
        where: { seq: { gt: start }, action: "settings.audit_retention" },
      });
      expect(entry).toMatchObject({
        actorEmail: actor.email,
        targetType: "settings",
        before: { auditRetentionDays: previous },
        after: { auditRetentionDays: 400 },
      });
      await expect(setAuditRetention(actor, 29)).rejects.toThrow();
      await expect(setAuditRetention(actor, 3651)).rejects.toThrow();
    } finally {
      if (stored) await db.setting.update({ where: { key: stored.key }, data: { value: previous } });
      else await db.setting.deleteMany({ where: { key: "auditRetentionDays" } });
    }
    expect(await verifyAuditChain({ fromSeq: start + 1n })).toMatchObject({ ok: true });
  });
});
