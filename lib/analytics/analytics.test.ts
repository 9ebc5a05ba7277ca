import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { funnelRates, signupFunnel } from "./funnel";
import { parseRange, presets, rangeOf } from "./range";
import { reportCsv } from "./reports";
import {
  activeByTier,
  churnRate,
  mrrSeries,
  paymentsByTier,
  recurringRevenue,
  subscriptionMovements,
} from "./revenue";
import { seedAnalytics2001, t } from "./test-fixture";
import {
  creditsThisMonth,
  failedPaymentsNeedingAttention,
  mrrChange,
  subscriptionsThisMonth,
} from "@/lib/admin/overview";
import { marginByModel, marginByTier } from "./margins";
import { creditsFlow, margin, topWorkspaces, usageByHour, usageByModel } from "./usage";

// Fixture (test-fixture.ts), all 2001 UTC. Seeded prices: starter $19/mo, $190/yr; pro $79/mo, $790/yr.
// S1 w1 starter monthly stripe, active,   created 01-10, sold at an earlier Starter version: $15/mo
// S2 w2 pro annual stripe,      active,   created 02-01 00:00 (exactly at February's start)
// S3 w3 pro monthly local,      canceled, created 01-15, canceled 03-16 12:00 (churn)
// S4 w4 pro monthly manual,     active,   created 02-10 (comp: 0 revenue)
// S5 w6 starter monthly local,  canceled, created 01-05, canceled 03-10 10:00, replaced by
// S6 w6 pro monthly local,      active,   created 03-10 10:00:05 (a plan change: neither churn nor new)
// S7 w4 starter stripe,         incomplete, created 03-12 (never live)
const march = rangeOf("2001-03-01", "2001-03-31");
let fx: Awaited<ReturnType<typeof seedAnalytics2001>>;

beforeAll(async () => {
  fx = await seedAnalytics2001();
});

describe("date range", () => {
  const now = new Date("2001-06-15T12:00:00Z");

  it("defaults to the last 30 UTC days, today included", () => {
    expect(parseRange({}, now)).toEqual({
      from: new Date("2001-05-17T00:00:00Z"),
      to: new Date("2001-06-16T00:00:00Z"),
      fromDay: "2001-05-17",
      toDay: "2001-06-15",
      days: 30,
    });
  });

  it("includes the whole `to` day and fills a missing bound", () => {
    expect(parseRange({ from: "2001-03-01", to: "2001-03-31" }, now)).toMatchObject({
      to: new Date("2001-04-01T00:00:00Z"),
      days: 31,
    });
    expect(parseRange({ from: "2001-06-01" }, now)).toMatchObject({
      fromDay: "2001-06-01",
      toDay: "2001-06-15",
      days: 15,
    });
    expect(parseRange({ to: "2001-03-31" }, now)).toMatchObject({
      fromDay: "2001-03-02",
      toDay: "2001-03-31",
      days: 30,
    });
  });

  it("falls back to the default range with a readable message", () => {
    for (const params of [
      { from: "2001-02-30", to: "2001-03-01" },
      { from: "yesterday" },
      { from: "2001-03-02", to: "2001-03-01" },
      { from: "1990-01-01", to: "2001-01-01" },
    ]) {
      const r = parseRange(params, now);
      expect(r).toMatchObject({ fromDay: "2001-05-17", toDay: "2001-06-15" });
      expect(r.error).toMatch(/Showing the last 30 days\.$/);
    }
    expect(parseRange({ from: "2001-02-30" }, now).error).toBe(
      "That date doesn't exist. Showing the last 30 days.",
    );
    expect(parseRange({ from: "1998-01-01", to: "2000-12-31" }, now).error).toBeUndefined(); // 1,096 days = 3 years
  });

  it("offers presets relative to today", () => {
    const p = Object.fromEntries(
      presets(new Date("2001-03-15T23:00:00Z")).map((x) => [x.label, `${x.range.fromDay}..${x.range.toDay}`]),
    );
    expect(p).toEqual({
      "Last 7 days": "2001-03-09..2001-03-15",
      "Last 30 days": "2001-02-14..2001-03-15",
      "Last 90 days": "2000-12-16..2001-03-15",
      "This month": "2001-03-01..2001-03-15",
      "Last month": "2001-02-01..2001-02-28",
    });
  });
});

describe("recurring revenue", () => {
  it("counts live plans at the end of the range, annual as a twelfth and comp as 0", async () => {
    // Live at 04-01: S1 1500 (its version's price, not today's 1900) + S2 floor(79000 / 12) = 6583
    // + S4 0 (manual) + S6 7900 = 15983
    expect(await recurringRevenue(march)).toEqual({ mrrCents: 15983n, arrCents: 191796n }); // 12 x 15983
  });

  it("draws MRR per day, following cancellations and plan changes", async () => {
    const series = await mrrSeries(march);
    expect(series).toHaveLength(31);
    const at = (day: string) => series.find((p) => p.day === day)?.mrrCents;
    expect(at("2001-03-01")).toBe(17883n); // S1 1500 + S2 6583 + S3 7900 + S4 0 + S5 1900
    expect(at("2001-03-10")).toBe(23883n); // S5 (starter 1900) replaced by S6 (pro 7900): 17883 - 1900 + 7900
    expect(at("2001-03-15")).toBe(23883n); // S3 still live at 03-16 00:00
    expect(at("2001-03-16")).toBe(15983n); // S3 canceled 03-16 12:00: 23883 - 7900
    expect(at("2001-03-31")).toBe(15983n);
  });

  it("goes weekly past 92 days", async () => {
    const series = await mrrSeries(rangeOf("2001-01-01", "2001-12-31"));
    expect(series).toHaveLength(53); // ceil(365 / 7)
    expect(series[0]).toEqual({ day: "2001-01-01", mrrCents: 1900n }); // at 01-08 00:00 only S5 (created 01-05)
    expect(series[1]).toEqual({ day: "2001-01-08", mrrCents: 3400n }); // at 01-15 00:00: S5 1900 + S1 1500 (S3 starts exactly then, not yet)
    expect(series[9]).toEqual({ day: "2001-03-05", mrrCents: 23883n }); // at 03-12: S1 1500 + S2 6583 + S3 7900 + S4 0 + S6 7900
    expect(series[10]).toEqual({ day: "2001-03-12", mrrCents: 15983n }); // at 03-19: S3 gone
    expect(series[52]).toEqual({ day: "2001-12-31", mrrCents: 15983n }); // a one-day bucket ending at the range end
  });

  it("counts active subscriptions by tier at the end of the range", async () => {
    const rows = (await activeByTier(march)).filter((r) => r.code === "starter" || r.code === "pro");
    expect(rows).toEqual([
      { code: "starter", name: "Starter", active: 1, monthly: 1, annual: 0, comp: 0, mrrCents: 1500n }, // S1 at $15 (S5 ended, S7 incomplete)
      { code: "pro", name: "Pro", active: 3, monthly: 1, annual: 1, comp: 1, mrrCents: 14483n }, // S6 7900 + S2 6583 + S4 0
    ]);
  });

  it("counts new and churned subscriptions per month, with churn over live at the month start", async () => {
    const months = await subscriptionMovements(rangeOf("2001-01-15", "2001-03-31"));
    expect(months).toEqual([
      { month: "2001-01", liveAtStart: 0, new: 3, churned: 0 }, // S5, S1, S3 started in January
      { month: "2001-02", liveAtStart: 3, new: 2, churned: 0 }, // live S5, S1, S3; new S2 (at 02-01 00:00), S4
      { month: "2001-03", liveAtStart: 5, new: 0, churned: 1 }, // S6 is S5's plan change, S7 incomplete; S3 churned
    ]);
    expect(months.map(churnRate)).toEqual([null, 0, 0.2]); // -, 0/3, 1/5
  });

  it("sums payments per tier at the time of payment, net of refunds", async () => {
    expect(await paymentsByTier(march)).toEqual([
      // w5: 5000 credit pack (the failed 5000 doesn't count)
      {
        tier: "Pay as you go",
        planStartCents: 0n,
        planChangeCents: 0n,
        renewalCents: 0n,
        creditPackCents: 5000n,
        netCents: 5000n,
      },
      // w1 renewal 1500 (its version's price)
      {
        tier: "Starter",
        planStartCents: 0n,
        planChangeCents: 0n,
        renewalCents: 1500n,
        creditPackCents: 0n,
        netCents: 1500n,
      },
      // w6 plan change 6000; w3 renewal 7900 - 7900 refunded = 0; w2 pack 2000 - 500 = 1500; 6000 + 0 + 1500 = 7500
      {
        tier: "Pro",
        planStartCents: 0n,
        planChangeCents: 6000n,
        renewalCents: 0n,
        creditPackCents: 1500n,
        netCents: 7500n,
      },
    ]);
  });
});

describe("credits and margin", () => {
  it("splits credits into sold, granted and consumed per day", async () => {
    const days = await creditsFlow(march);
    expect(days).toHaveLength(31);
    const total = (k: "soldMillicredits" | "grantedMillicredits" | "consumedMillicredits") =>
      days.reduce((s, d) => s + d[k], 0n);
    expect(total("soldMillicredits")).toBe(8_000_000n); // purchases 3,000,000 (w2) + 5,000,000 (w5); w1's is in February
    expect(total("grantedMillicredits")).toBe(22_500_000n); // grant 20,000,000 + adjustment 1,000,000 + referral 1,000,000 + coupon 500,000
    expect(total("consumedMillicredits")).toBe(4_400n); // usage 2,400 + 1,200 + 800 (hold/release, refund, rollover ignored)
    expect(days.find((d) => d.day === "2001-03-05")).toEqual({
      day: "2001-03-05",
      soldMillicredits: 3_000_000n,
      grantedMillicredits: 0n,
      consumedMillicredits: 2_400n,
    });
    expect(days.find((d) => d.day === "2001-03-21")).toMatchObject({ consumedMillicredits: 2_000n }); // 1,200 + 800
  });

  it("compares provider cost with credits charged per model", async () => {
    const rows = await usageByModel(march);
    expect(rows).toEqual([
      // B: cost 5000 + 700 + 2000 + 3000 = 10700; revenue 5250 + 800 + 2100 + 3150 = 11300
      { modelKey: fx.modelB, calls: 4, costMicros: 10_700n, revenueMillicredits: 11_300n },
      // A: cost 1000 x 4 + 500 + 800 = 5300; revenue 1200 x 4 + 550 + 0 = 5350 (the February event is outside)
      { modelKey: fx.modelA, calls: 6, costMicros: 5_300n, revenueMillicredits: 5_350n },
    ]);
    expect(margin(rows[0])).toEqual({ marginMillicredits: 600n, rate: 600 / 11_300 });
    expect(margin(rows[1])).toEqual({ marginMillicredits: 50n, rate: 50 / 5_350 });
  });
});

describe("funnel, usage patterns and top workspaces", () => {
  it("follows March sign-ups to verified and paid", async () => {
    // u1..u5 signed up in March (u6 in February); u3 is unverified; paid: u1 (stripe plan), u2 (stripe plan),
    // u5 (credit pack). u4 only has a comp plan and an incomplete checkout.
    const f = await signupFunnel(march);
    expect(f).toEqual({ signups: 5, verified: 4, paid: 3 });
    expect(funnelRates(f)).toEqual({ verified: 0.8, paid: 0.75, overall: 0.6 }); // 4/5, 3/4, 3/5
  });

  it("counts calls and credits per UTC hour", async () => {
    const hours = await usageByHour(march);
    expect(hours).toHaveLength(24);
    expect(hours.filter((h) => h.calls > 0)).toEqual([
      { hour: 9, calls: 2, creditsMillicredits: 5_800n }, // 5250 + 550
      { hour: 10, calls: 1, creditsMillicredits: 1_200n },
      { hour: 11, calls: 3, creditsMillicredits: 6_050n }, // 800 + 2100 + 3150
      { hour: 13, calls: 1, creditsMillicredits: 1_200n },
      { hour: 14, calls: 3, creditsMillicredits: 2_400n }, // 1200 + 1200 + 0
    ]);
  });

  it("ranks workspaces by payments, then credits consumed", async () => {
    const top = await topWorkspaces(march);
    expect(top.map((w) => [w.id, w.paymentsCents, w.consumedMillicredits])).toEqual([
      [fx.w6.id, 6000n, 0n],
      [fx.w5.id, 5000n, 2_000n], // the failed payment doesn't count
      [fx.w1.id, 1500n, 2_400n], // ahead of w2's equal 1500 on credits consumed
      [fx.w2.id, 1500n, 0n], // 2000 - 500 refunded; w3's payment was refunded in full and it used nothing
    ]);
  });

  it("exports a table as CSV with integer units", async () => {
    const csv = await reportCsv("margin-by-tier", march);
    expect(csv.split("\r\n")).toEqual([
      "tier,calls,cost_micros,revenue_micros,margin_micros,margin_rate",
      "Pay as you go,3,2700,50000000,49997300,0.9999", // 49,997,300 / 50,000,000 = 0.999946
      "Starter,3,2500,15000000,14997500,0.9998", // 14,997,500 / 15,000,000 = 0.999833
      "Pro,4,10800,75000000,74989200,0.9999", // 74,989,200 / 75,000,000 = 0.999856
      "",
    ]);
  });
});

describe("true margins", () => {
  // March money received (net of refunds) by the plan in force: pay as you go $50.00 (w5's pack),
  // Starter $15.00 (w1's renewal at its version's price), Pro $75.00 (w6's plan change $60, w2's pack
  // $20 - $5 refunded, w3's renewal refunded in full) — in micro-dollars x 10,000 per cent.
  it("sets money received against provider cost per tier", async () => {
    const rows = await marginByTier(march);
    expect(rows).toEqual([
      { label: "Pay as you go", calls: 3, costMicros: 2_700n, revenueMillicredits: 50_000_000n },
      { label: "Starter", calls: 3, costMicros: 2_500n, revenueMillicredits: 15_000_000n },
      { label: "Pro", calls: 4, costMicros: 10_800n, revenueMillicredits: 75_000_000n },
    ]);
    expect(margin(rows[2])).toEqual({ marginMillicredits: 74_989_200n, rate: 74_989_200 / 75_000_000 });
  });

  it("allocates each tier's revenue to models by the list value of their calls", async () => {
    // The fixture's calls carry no markup, so list value = provider cost.
    // Pay as you go: A 1000 + 1000 = 2000, B 700 of 2700 -> A floor(50e6 x 2000/2700) = 37,037,037, B 12,962,962
    // Starter: only A (2500 of 2500) -> 15,000,000
    // Pro: A 800 (w4's comp call), B 5000 + 2000 + 3000 = 10,000 of 10,800 -> A 5,555,555, B 69,444,444
    const rows = await marginByModel(march);
    expect(rows).toEqual([
      { label: fx.modelB, calls: 4, costMicros: 10_700n, revenueMillicredits: 82_407_406n },
      { label: fx.modelA, calls: 6, costMicros: 5_300n, revenueMillicredits: 57_592_592n },
    ]);
  });

  it("leaves a tier's revenue without calls unallocated", async () => {
    // 2001-01-10: w1's plan start ($15, Starter) and no calls that day.
    expect(await marginByModel(rangeOf("2001-01-10", "2001-01-10"))).toEqual([
      { label: "Unallocated", calls: 0, costMicros: 0n, revenueMillicredits: 15_000_000n },
    ]);
  });
});

describe("the admin overview's figures", () => {
  it("compares MRR now with 30 days before, from the same definition as Analytics", async () => {
    // 04-01: 15983 (see recurring revenue); 03-02 00:00: S1 1500 + S2 6583 + S3 7900 + S4 0 + S5 1900 = 17883
    expect(await mrrChange(t("04-01T00:00:00"))).toEqual({
      nowCents: 15983n,
      thenCents: 17883n,
      changeCents: -1900n,
      changeRatio: -1900 / 17883,
    });
    // 01-10 12:00 against 12-11 of 2000: nothing then, so no ratio.
    expect(await mrrChange(t("01-10T12:00:00"))).toMatchObject({ thenCents: 0n, changeRatio: null });
  });

  it("counts this month's new and churned subscriptions and credits sold against consumed", async () => {
    const now = t("03-31T12:00:00");
    expect(await subscriptionsThisMonth(now)).toEqual({ new: 0, churned: 1, liveAtStart: 5 });
    expect(await creditsThisMonth(now)).toEqual({
      soldMillicredits: 8_000_000n,
      grantedMillicredits: 22_500_000n,
      consumedMillicredits: 4_400n,
    });
  });

  it("flags a failed payment of the last 30 days until the workspace pays again", async () => {
    expect((await failedPaymentsNeedingAttention(t("03-21T00:00:00"))).unrecovered).toBe(0); // not failed yet
    expect((await failedPaymentsNeedingAttention(t("03-25T00:00:00"))).unrecovered).toBe(1); // w5's pack, 03-22
    expect((await failedPaymentsNeedingAttention(t("04-25T00:00:00"))).unrecovered).toBe(0); // over 30 days ago
    const retry = await db.payment.create({
      data: {
        workspaceId: fx.w5.id,
        kind: "credit_pack",
        status: "paid",
        amountCents: 5000,
        provider: "local",
        description: "analytics retry",
        createdAt: t("03-23T09:00:00"),
      },
    });
    try {
      expect((await failedPaymentsNeedingAttention(t("03-25T00:00:00"))).unrecovered).toBe(0); // paid since
    } finally {
      await db.payment.delete({ where: { id: retry.id } });
    }
  });
});
