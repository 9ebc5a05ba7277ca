import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeBalance } from "@/lib/billing/ledger";
import { findLedgerMismatches } from "@/lib/billing/ledger-check";
import { priceCall } from "@/lib/catalog/pricing";
import { db } from "@/lib/db";
import { buildDemoDataset, loadDemoCatalog, seedDemo, type DemoSummary } from "./seed-demo";

// A small demo history far in the past (so it never mixes with other tests' "now" rows), checked
// against known answers and the ledger's invariants. The shared test database gets it back clean.

const anchor = new Date("2011-06-01T00:00:00Z");
const windowStart = new Date(anchor.getTime() - 90 * 864e5);
// Priced with the starting catalog only: models and packs other test files left behind do not count.
const options = { anchor, workspaces: 40, seededCatalogOnly: true };
const demoWs = { startsWith: "demo_ws_" };
let first: DemoSummary;

beforeAll(async () => {
  first = await seedDemo(options);
}, 120_000);

afterAll(async () => {
  // Other test files run the billing clock over every due subscription: leave none of ours behind.
  await db.couponRedemption.deleteMany({ where: { id: { startsWith: "demo_cr_" } } });
  await db.coupon.deleteMany({ where: { id: { startsWith: "demo_cp_" } } });
  await db.payment.deleteMany({ where: { id: { startsWith: "demo_pay_" } } });
  await db.checkoutSession.deleteMany({ where: { workspaceId: demoWs } });
  await db.paymentMethod.deleteMany({ where: { workspaceId: demoWs } });
  await db.quotaCounter.deleteMany({ where: { workspaceId: demoWs } });
  await db.workspace.deleteMany({ where: { id: demoWs } });
  await db.user.deleteMany({ where: { id: { startsWith: "demo_u_" } } });
});

async function facts() {
  const [users, verified, subs, payments, usage, ledger, keys] = await Promise.all([
    db.user.count({ where: { id: { startsWith: "demo_u_" } } }),
    db.user.count({ where: { id: { startsWith: "demo_u_" }, emailVerifiedAt: { not: null } } }),
    db.subscription.findMany({ where: { workspaceId: demoWs }, include: { tier: true } }),
    db.payment.aggregate({
      where: { workspaceId: demoWs },
      _sum: { amountCents: true, refundedCents: true },
      _count: true,
    }),
    db.usageEvent.aggregate({
      where: { workspaceId: demoWs },
      _sum: { chargedMillicredits: true, providerCostMicros: true, quotaUnits: true },
      _count: true,
    }),
    db.ledgerEntry.aggregate({
      where: { workspaceId: demoWs },
      _sum: { amountMillicredits: true },
      _count: true,
    }),
    db.apiKey.count({ where: { workspaceId: demoWs } }),
  ]);
  const byTierStatus: Record<string, number> = {};
  for (const s of subs)
    byTierStatus[`${s.tier.code}:${s.status}`] = (byTierStatus[`${s.tier.code}:${s.status}`] ?? 0) + 1;
  return {
    users,
    verified,
    workspaces: await db.workspace.count({ where: { id: demoWs } }),
    teams: await db.workspace.count({ where: { id: demoWs, personal: false } }),
    subscriptions: Object.fromEntries(Object.entries(byTierStatus).sort()),
    payments: payments._count,
    paymentsCents: payments._sum.amountCents,
    refundedCents: payments._sum.refundedCents,
    usageEvents: usage._count,
    chargedMillicredits: usage._sum.chargedMillicredits,
    providerCostMicros: usage._sum.providerCostMicros,
    quotaUnits: usage._sum.quotaUnits,
    ledgerEntries: ledger._count,
    ledgerSum: ledger._sum.amountMillicredits,
    apiKeys: keys,
  };
}

describe("demo history (npm run db:seed -- --demo)", () => {
  it("seeds a known history for a given anchor and seed", async () => {
    expect(first).toEqual({
      users: 36,
      workspaces: 40,
      subscriptions: 10,
      payments: 27,
      usageEvents: 11_275,
      ledgerEntries: 7_289,
      skipped: false,
    });
    // 36 people (31 verified, ~85%) with personal workspaces, plus 4 teams; a quarter on paid plans.
    expect(await facts()).toEqual({
      users: 36,
      verified: 31,
      workspaces: 40,
      teams: 4,
      subscriptions: { "enterprise:active": 1, "pro:active": 1, "starter:active": 4, "starter:canceled": 4 },
      payments: 27,
      paymentsCents: 106_810, // $1,068.10 of plans, renewals and credit packs
      refundedCents: 0,
      usageEvents: 11_275,
      chargedMillicredits: 138_291_385n, // 138,291 credits ($138) drawn from balances
      providerCostMicros: 690_420_430n, // $690 of provider cost, most of it on daily quotas
      quotaUnits: 26_381,
      ledgerEntries: 7_289,
      ledgerSum: 1_057_208_615n, // = the demo workspaces' balances
      apiKeys: 34,
    });
    const balances = await db.workspace.aggregate({
      where: { id: demoWs },
      _sum: { balanceMillicredits: true },
    });
    expect(balances._sum.balanceMillicredits).toBe(1_057_208_615n);
  });

  it("builds the same rows from the same anchor, seed and catalog", async () => {
    const catalog = await loadDemoCatalog({ seededOnly: true });
    const a = buildDemoDataset(options, catalog);
    const b = buildDemoDataset(options, catalog);
    expect(a).toEqual(b);
    expect({
      users: a.users.length,
      workspaces: a.workspaces.length,
      subscriptions: a.subscriptions.length,
      payments: a.payments.length,
      usageEvents: a.usageEvents.length,
      ledgerEntries: a.ledgerEntries.length,
      skipped: false,
    }).toEqual(first);
    // Another seed is another history.
    expect(buildDemoDataset({ ...options, seed: 7 }, catalog).usageEvents.length).not.toBe(
      a.usageEvents.length,
    );
  });

  it("runs once: a second call is skipped and changes nothing", async () => {
    const before = await facts();
    const again = await seedDemo(options);
    expect(again).toEqual({ ...first, skipped: true });
    expect(await facts()).toEqual(before);
  });

  it("keeps every balance equal to its ledger, never below zero, entry by entry", async () => {
    const { mismatches } = await findLedgerMismatches();
    expect(mismatches.filter((m) => m.workspaceId.startsWith("demo_ws_"))).toEqual([]);
    const [check] = await db.$queryRaw<
      {
        workspaces: number;
        negative: number;
        wrongRunning: number;
        negativeAfter: number;
        outOfOrder: number;
        usageWithoutEntry: number;
      }[]
    >`
      with l as (
        select "workspaceId", "amountMillicredits", "balanceAfterMillicredits", "createdAt", seq,
               sum("amountMillicredits") over (partition by "workspaceId" order by seq) as running,
               lag("createdAt") over (partition by "workspaceId" order by seq) as previous
          from "LedgerEntry" where "workspaceId" like 'demo_ws_%'
      )
      select (select count(*)::int from "Workspace" where id like 'demo_ws_%') as workspaces,
             (select count(*)::int from "Workspace" where id like 'demo_ws_%' and "balanceMillicredits" < 0) as negative,
             (select count(*)::int from l where running <> "balanceAfterMillicredits") as "wrongRunning",
             (select count(*)::int from l where "balanceAfterMillicredits" < 0) as "negativeAfter",
             (select count(*)::int from l where previous > "createdAt") as "outOfOrder",
             (select count(*)::int from "UsageEvent" e where e."workspaceId" like 'demo_ws_%' and e."billedTo" = 'credits'
                and not exists (select 1 from "LedgerEntry" x where x."workspaceId" = e."workspaceId" and x.kind = 'usage' and x.reference = 'usage:' || e.id
                                and x."amountMillicredits" = -e."chargedMillicredits" and x."balanceAfterMillicredits" = e."balanceAfterMillicredits")) as "usageWithoutEntry"`;
    expect(check).toEqual({
      workspaces: 40,
      negative: 0,
      wrongRunning: 0,
      negativeAfter: 0,
      outOfOrder: 0,
      usageWithoutEntry: 0,
    });
  });

  it("names every entry but usage ones in LedgerReference, so none can be applied again", async () => {
    const [{ entries, references }] = await db.$queryRaw<{ entries: number; references: number }[]>`
      select (select count(*)::int from "LedgerEntry" where "workspaceId" like 'demo_ws_%' and kind <> 'usage') as entries,
             (select count(*)::int from "LedgerReference" r join "LedgerEntry" l on l.id = r."entryId" and l."createdAt" = r."createdAt"
               where r."workspaceId" like 'demo_ws_%' and l.kind = r.kind and l.reference = r.reference) as "references"`;
    expect(references).toBe(entries);
    expect(entries).toBeGreaterThan(0);
    const grant = await db.ledgerEntry.findFirstOrThrow({
      where: { workspaceId: demoWs, kind: { not: "usage" }, amountMillicredits: { gt: 0 } },
    });
    const before = await db.workspace.findUniqueOrThrow({ where: { id: grant.workspaceId } });
    const again = await changeBalance({
      workspaceId: grant.workspaceId,
      amountMillicredits: grant.amountMillicredits,
      kind: grant.kind,
      reference: grant.reference,
    });
    expect(again).toEqual({ balanceMillicredits: before.balanceMillicredits, applied: false });
  });

  it("never counts more quota than the tier allows, and counters match the quota-billed calls", async () => {
    const [check] = await db.$queryRaw<
      { counters: number; overLimit: number; mismatched: number; eventsOverLimit: number }[]
    >`
      with q as (
        select e."workspaceId", e."createdAt"::date as day, sum(e."quotaUnits")::int as units, max(e."quotaLimit") as "limit"
          from "UsageEvent" e where e."workspaceId" like 'demo_ws_%' and e."billedTo" = 'quota' group by 1, 2
      )
      select (select count(*)::int from "QuotaCounter" where "workspaceId" like 'demo_ws_%') as counters,
             (select count(*)::int from "QuotaCounter" c join q on q."workspaceId" = c."workspaceId" and q.day = c.day where c.used > q."limit") as "overLimit",
             (select count(*)::int from (select * from "QuotaCounter" where "workspaceId" like 'demo_ws_%') c
                full join q on q."workspaceId" = c."workspaceId" and q.day = c.day where c.used is distinct from q.units) as mismatched,
             (select count(*)::int from "UsageEvent" where "workspaceId" like 'demo_ws_%' and "quotaUsedAfter" > "quotaLimit") as "eventsOverLimit"`;
    expect(check.counters).toBeGreaterThan(100);
    expect(check).toMatchObject({ overLimit: 0, mismatched: 0, eventsOverLimit: 0 });
    const limits = new Map((await db.tier.findMany()).map((t) => [t.id, t.dailyQuotaUnits]));
    const maxLimit = Math.max(
      ...(await db.subscription.findMany({ where: { workspaceId: demoWs } })).map(
        (s) => limits.get(s.tierId) ?? 0,
      ),
    );
    expect(await db.quotaCounter.count({ where: { workspaceId: demoWs, used: { gt: maxLimit } } })).toBe(0);
  });

  it("prices every credits call like the charge path and keeps all history inside the 90 days", async () => {
    const models = new Map((await db.model.findMany()).map((m) => [m.id, m]));
    const charged = await db.usageEvent.findMany({ where: { workspaceId: demoWs, billedTo: "credits" } });
    expect(charged.length).toBeGreaterThan(1000);
    for (const e of charged) {
      const model = models.get(e.modelId)!;
      const usage =
        e.quantity === null
          ? { inputTokens: Number(e.inputTokens), outputTokens: Number(e.outputTokens) }
          : { quantity: Number(e.quantity) };
      const price = priceCall({ model, usage, tierMarkupBps: e.markupBps, defaultMarkupBps: e.markupBps });
      expect({ charged: e.chargedMillicredits, cost: e.providerCostMicros }).toEqual({
        charged: price.millicredits,
        cost: price.providerCostMicros,
      });
    }
    const free = await db.usageEvent.aggregate({
      where: { workspaceId: demoWs, billedTo: "free" },
      _sum: { chargedMillicredits: true, quotaUnits: true },
      _count: true,
    });
    expect(free._count).toBeGreaterThan(0);
    expect(free._sum).toEqual({ chargedMillicredits: 0n, quotaUnits: 0 });
    for (const table of ["UsageEvent", "LedgerEntry", "Payment"] as const) {
      const [range] = await db.$queryRawUnsafe<{ min: Date; max: Date }[]>(
        `select min("createdAt") as min, max("createdAt") as max from "${table}" where "workspaceId" like 'demo_ws_%'`,
      );
      expect(range.min.getTime()).toBeGreaterThanOrEqual(windowStart.getTime());
      expect(range.max.getTime()).toBeLessThan(anchor.getTime());
    }
  });

  it("gives every active workspace one API key whose secret nobody has", async () => {
    const keys = await db.apiKey.findMany({ where: { workspaceId: demoWs } });
    expect(new Set(keys.map((k) => k.workspaceId)).size).toBe(keys.length);
    for (const k of keys)
      expect(k).toMatchObject({
        prefix: expect.stringMatching(/^tg_.{7}$/),
        keyHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        revokedAt: null,
      });
    const callers = await db.usageEvent.groupBy({ by: ["apiKeyId"], where: { workspaceId: demoWs } });
    expect(callers.every((c) => keys.some((k) => k.id === c.apiKeyId))).toBe(true);
  });
});
