import "server-only";
import { db } from "@/lib/db";
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

export async function runLedgerCheck(now = new Date()) {
  const day = now.toISOString().slice(0, 10);
  if (await db.ledgerCheck.findUnique({ where: { day } })) return { day, skipped: true as const };
  const { mismatches, workspacesChecked } = await findLedgerMismatches();
  const keys = await db.$transaction(async (tx) => {
    const created = await tx.ledgerCheck.createMany({
      data: [{ day, workspacesChecked, mismatchCount: mismatches.length, mismatches }],
      skipDuplicates: true,
    });
    if (!created.count || !mismatches.length) return [];
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
  });
  await deliverAll(keys);
  return { day, skipped: false as const, workspacesChecked, mismatches: mismatches.length };
}
