import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { deliverAll } from "@/lib/notifications/alerts";
import { queueEmail } from "@/lib/email/send";
import { creditsLabel } from "@/lib/catalog/money";

// The nightly ledger check: every workspace's materialised balance must equal the sum of its
// append-only ledger and the sum of its credit buckets' remainders. One statement (one snapshot), aggregated in SQL. A day is checked once: the
// LedgerCheck row for the UTC day is the idempotency key, and admins hear about mismatches once.

export type LedgerMismatch = {
  workspaceId: string;
  name: string;
  balance: string;
  ledgerSum: string;
  bucketSum: string;
};

export async function findLedgerMismatches() {
  const [rows, [{ count }]] = await Promise.all([
    db.$queryRaw<LedgerMismatch[]>`
      select w.id as "workspaceId", w.name, w."balanceMillicredits"::text as balance,
             coalesce(l.total, 0)::text as "ledgerSum", coalesce(b.total, 0)::text as "bucketSum"
        from "Workspace" w
        left join (select "workspaceId", sum("amountMillicredits") as total from "LedgerEntry" group by "workspaceId") l on l."workspaceId" = w.id
        left join (select "workspaceId", sum("remainingMillicredits") as total from "CreditBucket" group by "workspaceId") b on b."workspaceId" = w.id
       where w."balanceMillicredits" <> coalesce(l.total, 0) or w."balanceMillicredits" <> coalesce(b.total, 0)
       order by w.name
       limit 1000`,
    db.$queryRaw<{ count: number }[]>`select count(*)::int as count from "Workspace"`,
  ]);
  return { mismatches: rows, workspacesChecked: count };
}

async function queueMismatchEmails(
  tx: Tx,
  day: string,
  mismatches: LedgerMismatch[],
  workspacesChecked: number,
) {
  if (!mismatches.length) return [];
  const admins = await tx.user.findMany({
    where: { role: "admin" },
    select: { id: true, email: true, name: true },
  });
  return Promise.all(
    admins.map((admin) =>
      queueEmail(
        {
          template: "ledger-mismatch",
          to: admin.email,
          idempotencyKey: `ledger-check:${day}:${admin.id}`,
          props: {
            name: admin.name,
            day,
            workspacesChecked: workspacesChecked.toLocaleString("en-US"),
            mismatches: mismatches.slice(0, 20).map((m) => ({
              workspace: m.name,
              balance: creditsLabel(BigInt(m.balance)),
              ledgerSum: creditsLabel(BigInt(m.ledgerSum)),
            })),
            total: mismatches.length,
            adminUrl: `${env.APP_URL}/admin`,
          },
        },
        tx,
      ),
    ),
  );
}

export async function runLedgerCheck(now = new Date()) {
  const day = now.toISOString().slice(0, 10);
  if (await db.ledgerCheck.findUnique({ where: { day } })) return { day, skipped: true as const };
  const { mismatches, workspacesChecked } = await findLedgerMismatches();
  const keys = await db.$transaction(async (tx) => {
    const created = await tx.ledgerCheck.createMany({
      data: [{ day, workspacesChecked, mismatchCount: mismatches.length, mismatches }],
      skipDuplicates: true,
    });
    if (!created.count) return [];
    return queueMismatchEmails(tx, day, mismatches, workspacesChecked);
  });
  await deliverAll(keys);
  return { day, skipped: false as const, workspacesChecked, mismatches: mismatches.length };
}

/**
 * An admin's "Run now": the same check at once, whatever ran today. Today's row takes the fresh
 * result (so the nightly run then skips the day), the run is audited, and admins hear about
 * mismatches once per day as with the nightly run.
 */
export async function runLedgerCheckNow(actor: Actor, now = new Date()) {
  const day = now.toISOString().slice(0, 10);
  const { mismatches, workspacesChecked } = await findLedgerMismatches();
  const data = { workspacesChecked, mismatchCount: mismatches.length, mismatches, createdAt: now };
  const { check, keys } = await db.$transaction(async (tx) => {
    const check = await tx.ledgerCheck.upsert({ where: { day }, create: { day, ...data }, update: data });
    await recordAudit(tx, {
      actor,
      action: "ledger_check.run",
      targetType: "ledger_check",
      targetId: check.id,
      after: { day, workspacesChecked, mismatchCount: mismatches.length },
    });
    return { check, keys: await queueMismatchEmails(tx, day, mismatches, workspacesChecked) };
  });
  await deliverAll(keys);
  return check;
}
