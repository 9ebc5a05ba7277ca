import "server-only";
import { db, type CreditSource, type LedgerKind, type Payment, type Tx } from "@/lib/db";

// Credit buckets (SPEC §8.2): every grant of credits is a bucket, and a charge draws from them by
// priority, then soonest expiry, then oldest (prisma/sql/tollgate_draw_credits.sql). This module
// is the one place that says which source a grant is and how soon each source is drawn.
//
// Drawing order: included credits of the month (and what rolled over into it) first, since they
// expire soonest; then promotional credits (coupons, referrals), which expire after the admin-set
// number of days; then an admin's adjustments; purchased credits last, as they never expire.

const SOURCE_OF: Partial<Record<LedgerKind, CreditSource>> = {
  monthly_grant: "included",
  rollover: "rollover",
  coupon: "promotional",
  referral: "promotional",
  admin_adjustment: "adjustment",
  purchase: "purchase",
};

export const SOURCE_PRIORITY: Record<CreditSource, number> = {
  included: 10,
  rollover: 10,
  promotional: 20,
  adjustment: 30,
  purchase: 40,
};

/** The bucket a grant of this ledger kind fills; kinds that only take credits have none. */
export function bucketSource(kind: LedgerKind): CreditSource {
  const source = SOURCE_OF[kind];
  if (!source) throw new Error(`A ${kind} entry cannot add credits.`);
  return source;
}

export const SOURCE_LABEL: Record<CreditSource, string> = {
  included: "Included with your plan",
  rollover: "Rolled over",
  promotional: "Promotional",
  adjustment: "Added by support",
  purchase: "Purchased",
};

/** A workspace's buckets with credits left, in the order charges draw them. */
export function openBuckets(workspaceId: string) {
  return db.creditBucket.findMany({
    where: { workspaceId, remainingMillicredits: { gt: 0 } },
    orderBy: [
      { priority: "asc" },
      { expiresAt: { sort: "asc", nulls: "last" } },
      { createdAt: "asc" },
      { id: "asc" },
    ],
  });
}

/** The ledger reference of the credits a credit-pack checkout bought (its bucket's, too). */
export const purchaseReference = (checkoutSessionId: string) => `checkout:${checkoutSessionId}`;

type PaidFor = Pick<Payment, "workspaceId" | "kind" | "checkoutSessionId" | "millicredits">;

/** The bucket a credit-pack payment filled, which a refund takes back from first. */
export function boughtBucket(payment: PaidFor) {
  return payment.kind === "credit_pack" && payment.checkoutSessionId
    ? { kind: "purchase" as const, reference: purchaseReference(payment.checkoutSessionId) }
    : undefined;
}

/**
 * How many of the credits each payment bought are still unspent: what is left in its bucket, or
 * for payments from before buckets (and plan payments, whose credits are drawn in order) as much
 * of them as the balance still holds. Two queries for any number of payments.
 */
export async function unspentCredits(payments: PaidFor[], executor: Tx | typeof db = db) {
  const bought = payments.map(boughtBucket);
  const [buckets, workspaces] = await Promise.all([
    executor.creditBucket.findMany({
      where: {
        ledgerKind: "purchase",
        reference: { in: bought.flatMap((b) => (b ? [b.reference] : [])) },
        workspaceId: { in: payments.map((p) => p.workspaceId) },
      },
    }),
    executor.workspace.findMany({
      where: { id: { in: payments.map((p) => p.workspaceId) } },
      select: { id: true, balanceMillicredits: true },
    }),
  ]);
  const left = new Map(buckets.map((b) => [`${b.workspaceId} ${b.reference}`, b.remainingMillicredits]));
  const balance = new Map(workspaces.map((w) => [w.id, w.balanceMillicredits]));
  return payments.map((p, i) => {
    const held = left.get(`${p.workspaceId} ${bought[i]?.reference}`) ?? balance.get(p.workspaceId) ?? 0n;
    return held < p.millicredits ? held : p.millicredits;
  });
}

/**
 * Expires every bucket whose time has come (the `credits-expire` job, every minute): one
 * tollgate_expire_credits call per workspace that has one, which writes the `expiry` entries.
 * Idempotent: a bucket expired once has nothing left to expire. Returns how many workspaces.
 */
export async function expireDueCredits(limit = 1000) {
  const due = await db.$queryRaw<{ workspaceId: string }[]>`
    select distinct "workspaceId" from "CreditBucket"
     where "expiresAt" <= timezone('UTC', now()) and "remainingMillicredits" > 0
     limit ${limit}`;
  for (const { workspaceId } of due) await db.$queryRaw`select tollgate_expire_credits(${workspaceId})`;
  return due.length;
}

/**
 * What a workspace's balance is made of, for the dashboard: its buckets with credits left, in
 * drawing order, and the soonest expiry (every bucket expiring that day, summed).
 */
export async function creditBreakdown(workspaceId: string) {
  const buckets = await openBuckets(workspaceId);
  const expiring = buckets.filter((b) => b.expiresAt);
  const soonest = expiring.length ? Math.min(...expiring.map((b) => b.expiresAt!.getTime())) : null;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const nextExpiry =
    soonest === null
      ? null
      : {
          at: new Date(soonest),
          millicredits: expiring
            .filter((b) => day(b.expiresAt!) === day(new Date(soonest)))
            .reduce((sum, b) => sum + b.remainingMillicredits, 0n),
        };
  return { buckets, nextExpiry };
}
