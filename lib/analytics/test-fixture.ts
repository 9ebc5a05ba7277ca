// A small, hand-made dataset dated in 2001 (or another year) for the analytics tests. Other test files share the
// database but write rows dated "now", so ranges inside 2001 only ever see these rows.
import { randomUUID } from "node:crypto";
import { SOURCE_PRIORITY } from "@/lib/billing/buckets";
import { invalidateRollups, prismaQuery } from "./rollups";
import {
  db,
  type LedgerKind,
  type PaymentKind,
  type PaymentStatus,
  type PaymentProviderKind,
  type SubscriptionStatus,
} from "@/lib/db";

export const t = (iso: string) => new Date(`2001-${iso}Z`);
// The year being seeded: 2001 for analytics.test.ts; rollups.test.ts seeds the same story in 2003.
let when = t;
const tag = randomUUID().slice(0, 8);

async function user(label: string, createdAt: string, verified: boolean) {
  return db.user.create({
    data: {
      email: `analytics-${label}-${tag}@example.test`,
      referralCode: `an-${label}-${tag}`,
      emailVerifiedAt: verified ? when(createdAt) : null,
      createdAt: when(createdAt),
    },
  });
}

async function workspace(label: string, memberIds: string[]) {
  return db.workspace.create({
    data: {
      name: `Analytics ${label}`,
      slug: `analytics-${label}-${tag}`,
      createdAt: when("01-01T00:00:00"),
      memberships: { create: memberIds.map((userId) => ({ userId, role: "owner" as const })) },
    },
  });
}

type SubInput = {
  tier: "starter" | "pro";
  /** A plan version it was sold at, other than the tier's current one. */
  planVersionId?: string;
  interval?: "month" | "year";
  provider: PaymentProviderKind;
  status: SubscriptionStatus;
  createdAt: string;
  canceledAt?: string;
};

async function subscription(workspaceId: string, s: SubInput) {
  const tier = await db.tier.findUniqueOrThrow({ where: { code: s.tier } });
  return db.subscription.create({
    data: {
      workspaceId,
      tierId: tier.id,
      planVersionId: s.planVersionId,
      interval: s.interval ?? "month",
      provider: s.provider,
      status: s.status,
      currentPeriodStart: when(s.createdAt),
      currentPeriodEnd: when("12-31T00:00:00"),
      createdAt: when(s.createdAt),
      canceledAt: s.canceledAt ? when(s.canceledAt) : null,
    },
  });
}

async function payment(
  workspaceId: string,
  kind: PaymentKind,
  status: PaymentStatus,
  amountCents: number,
  createdAt: string,
  refundedCents = 0,
) {
  await db.payment.create({
    data: {
      workspaceId,
      provider: "local",
      kind,
      status,
      amountCents,
      refundedCents,
      description: `analytics ${kind}`,
      createdAt: when(createdAt),
    },
  });
}

/** Entries in order; balanceAfter is the running sum and the workspace's balance ends at the total (the ledger check stays clean). */
async function ledger(workspaceId: string, entries: [LedgerKind, number, string][]) {
  let balance = 0n;
  for (const [kind, amount, createdAt] of entries) {
    balance += BigInt(amount);
    await db.ledgerEntry.create({
      data: {
        workspaceId,
        kind,
        amountMillicredits: BigInt(amount),
        balanceAfterMillicredits: balance,
        reference: `analytics:${randomUUID()}`,
        createdAt: when(createdAt),
      },
    });
  }
  await db.workspace.update({ where: { id: workspaceId }, data: { balanceMillicredits: balance } });
  if (balance > 0n)
    await db.creditBucket.create({
      data: {
        workspaceId,
        source: "purchase",
        priority: SOURCE_PRIORITY.purchase,
        grantedMillicredits: balance,
        remainingMillicredits: balance,
        ledgerKind: "purchase",
        reference: `analytics:${randomUUID()}`,
      },
    });
}

type EventInput = [
  workspaceId: string,
  model: { id: string; key: string },
  createdAt: string,
  cost: number,
  charged: number,
];

async function events(list: EventInput[]) {
  await db.usageEvent.createMany({
    data: list.map(([workspaceId, model, createdAt, cost, charged]) => ({
      workspaceId,
      modelId: model.id,
      modelKey: model.key,
      quantity: 1n,
      billedTo: charged === 0 ? ("quota" as const) : ("credits" as const),
      markupBps: 0,
      priceVersion: 1,
      providerCostMicros: BigInt(cost),
      chargedMillicredits: BigInt(charged),
      quotaUnits: charged === 0 ? 1 : 0,
      balanceAfterMillicredits: 0n,
      createdAt: when(createdAt),
    })),
  });
}

export async function seedAnalytics2001(year = 2001) {
  when = (iso: string) => new Date(`${year}-${iso}Z`);
  const [modelA, modelB] = await db.model.findMany({
    orderBy: { key: "asc" },
    take: 2,
    select: { id: true, key: true },
  });
  const u1 = await user("u1", "03-02T08:00:00", true);
  const u2 = await user("u2", "03-05T08:00:00", true);
  const u3 = await user("u3", "03-10T08:00:00", false);
  const u4 = await user("u4", "03-15T08:00:00", true);
  const u5 = await user("u5", "03-20T08:00:00", true);
  const u6 = await user("u6", "02-20T08:00:00", true);
  const w1 = await workspace("w1", [u1.id]);
  const w2 = await workspace("w2", [u2.id]);
  const w3 = await workspace("w3", [u3.id]);
  const w4 = await workspace("w4", [u4.id]);
  const w5 = await workspace("w5", [u5.id]);
  const w6 = await workspace("w6", [u6.id]);

  // S1 was sold at Starter's earlier price, $15 a month (grandfathered).
  const starter = await db.tier.findUniqueOrThrow({ where: { code: "starter" } });
  const last = await db.planVersion.findFirst({
    where: { tierId: starter.id },
    orderBy: { version: "desc" },
  });
  const starterAt15 = await db.planVersion.create({
    data: {
      tierId: starter.id,
      version: (last?.version ?? 0) + 1,
      monthlyPriceCents: 1500,
      annualPriceCents: 15000,
      includedMillicredits: starter.includedMillicredits,
      dailyQuotaUnits: starter.dailyQuotaUnits,
    },
  });

  // S1..S7 as in the test's comments.
  await subscription(w1.id, {
    tier: "starter",
    planVersionId: starterAt15.id,
    provider: "stripe",
    status: "active",
    createdAt: "01-10T00:00:00",
  });
  await subscription(w2.id, {
    tier: "pro",
    interval: "year",
    provider: "stripe",
    status: "active",
    createdAt: "02-01T00:00:00",
  });
  await subscription(w3.id, {
    tier: "pro",
    provider: "local",
    status: "canceled",
    createdAt: "01-15T00:00:00",
    canceledAt: "03-16T12:00:00",
  });
  await subscription(w4.id, {
    tier: "pro",
    provider: "manual",
    status: "active",
    createdAt: "02-10T00:00:00",
  });
  await subscription(w6.id, {
    tier: "starter",
    provider: "local",
    status: "canceled",
    createdAt: "01-05T00:00:00",
    canceledAt: "03-10T10:00:00",
  });
  await subscription(w6.id, {
    tier: "pro",
    provider: "local",
    status: "active",
    createdAt: "03-10T10:00:05",
  });
  await subscription(w4.id, {
    tier: "starter",
    provider: "stripe",
    status: "incomplete",
    createdAt: "03-12T00:00:00",
  });

  await payment(w1.id, "plan_start", "paid", 1500, "01-10T00:00:00");
  await payment(w1.id, "renewal", "paid", 1500, "03-10T00:00:00");
  await payment(w2.id, "plan_start", "paid", 79000, "02-01T00:00:01");
  await payment(w2.id, "credit_pack", "partially_refunded", 2000, "03-05T12:00:00", 500);
  await payment(w3.id, "renewal", "refunded", 7900, "03-01T12:00:00", 7900);
  await payment(w5.id, "credit_pack", "paid", 5000, "03-20T09:00:00");
  await payment(w5.id, "credit_pack", "failed", 5000, "03-22T09:00:00");
  await payment(w6.id, "plan_change", "paid", 6000, "03-10T10:00:10");

  await ledger(w1.id, [
    ["purchase", 2_000_000, "02-28T12:00:00"],
    ["monthly_grant", 20_000_000, "03-02T00:00:00"],
    ["admin_adjustment", 1_000_000, "03-03T00:00:00"],
    ["admin_adjustment", -500_000, "03-04T00:00:00"],
    ["usage", -2_400, "03-05T15:00:00"],
    ["reservation_hold", -10_000, "03-05T16:00:00"],
    ["reservation_release", 10_000, "03-05T16:01:00"],
    ["referral", 1_000_000, "03-06T00:00:00"],
    ["coupon", 500_000, "03-07T00:00:00"],
    ["refund", -100_000, "03-08T00:00:00"],
  ]);
  await ledger(w2.id, [
    ["purchase", 3_000_000, "03-05T12:00:00"],
    ["rollover", 400_000, "03-05T13:00:00"],
  ]);
  await ledger(w5.id, [
    ["purchase", 5_000_000, "03-20T09:00:00"],
    ["usage", -1_200, "03-21T10:00:00"],
    ["usage", -800, "03-21T11:00:00"],
  ]);

  await events([
    [w1.id, modelA, "03-05T14:30:00", 1000, 1200],
    [w1.id, modelA, "03-05T14:45:00", 1000, 1200],
    [w2.id, modelB, "03-06T09:10:00", 5000, 5250],
    [w5.id, modelA, "03-21T10:00:00", 1000, 1200],
    [w5.id, modelB, "03-21T11:00:00", 700, 800],
    [w3.id, modelB, "03-16T11:00:00", 2000, 2100],
    [w3.id, modelA, "03-16T13:00:00", 1000, 1200],
    [w6.id, modelA, "03-10T09:59:00", 500, 550],
    [w6.id, modelB, "03-10T11:00:00", 3000, 3150],
    [w4.id, modelA, "03-15T14:00:00", 800, 0],
    [w1.id, modelA, "02-28T14:00:00", 99_999, 0],
  ]);
  // A backfill: days another test file may have rolled up read raw again.
  await invalidateRollups(prismaQuery(), when("01-01T00:00:00"), when("12-31T00:00:00"));
  return { modelA: modelA.key, modelB: modelB.key, w1, w2, w3, w4, w5, w6 };
}
