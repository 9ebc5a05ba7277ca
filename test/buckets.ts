import { expect } from "vitest";
import { db } from "@/lib/db";

/** A workspace's buckets in drawing order (spent ones too). */
export function bucketsOf(workspaceId: string) {
  return db.creditBucket.findMany({
    where: { workspaceId },
    orderBy: [{ priority: "asc" }, { expiresAt: { sort: "asc", nulls: "last" } }, { seq: "asc" }],
  });
}

/**
 * The ledger's invariant for one workspace: balance = sum of bucket remainders = sum of the
 * ledger, and neither the balance nor any bucket below zero. Returns the balance.
 */
export async function expectLedgerInvariant(workspaceId: string) {
  const [row] = await db.$queryRaw<
    { balance: bigint; buckets: bigint; ledger: bigint; negative: number }[]
  >`select w."balanceMillicredits" as balance,
           coalesce((select sum("remainingMillicredits") from "CreditBucket" where "workspaceId" = w.id), 0)::bigint as buckets,
           coalesce((select sum("amountMillicredits") from "LedgerEntry" where "workspaceId" = w.id), 0)::bigint as ledger,
           (select count(*) from "CreditBucket" where "workspaceId" = w.id and "remainingMillicredits" < 0)::int as negative
      from "Workspace" w where w.id = ${workspaceId}`;
  expect({ buckets: row.buckets, ledger: row.ledger, negative: row.negative }).toEqual({
    buckets: row.balance,
    ledger: row.balance,
    negative: 0,
  });
  expect(row.balance).toBeGreaterThanOrEqual(0n);
  return row.balance;
}

/** Moves a bucket's expiry into the past, as the clock passing it would (the workspace learns of it too). */
export async function pastExpiry(bucketId: string, at = new Date(Date.now() - 864e5)) {
  const bucket = await db.creditBucket.update({ where: { id: bucketId }, data: { expiresAt: at } });
  await db.$executeRaw`update "Workspace" set "creditsExpireAt" = least(coalesce("creditsExpireAt", ${at}::timestamp), ${at}::timestamp)
                        where id = ${bucket.workspaceId}`;
}
