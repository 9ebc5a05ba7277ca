import { describe, expect, it } from "vitest";
import { quotePlanChange, renewalCredits } from "./plan-change";

const tier = (id: string, rank: number, monthly: number, annual: number, credits: bigint) => ({
  id,
  name: id[0].toUpperCase() + id.slice(1),
  rank,
  monthlyPriceCents: monthly,
  annualPriceCents: annual,
  includedMillicredits: credits,
});
const starter = tier("starter", 1, 1_900, 19_000, 20_000_000n);
const pro = tier("pro", 2, 7_900, 79_000, 100_000_000n);
const enterprise = tier("enterprise", 3, 39_900, 399_000, 600_000_000n);
const start = new Date("2026-11-01T00:00:00Z");
const monthEnd = new Date("2026-12-01T00:00:00Z"); // 30 days
const day = (n: number) => new Date(start.getTime() + n * 864e5);
const proMonthly = {
  tier: pro,
  interval: "month" as const,
  currentPeriodStart: start,
  currentPeriodEnd: monthEnd,
};

describe("quotePlanChange", () => {
  it("charges the price difference for the time left on an upgrade, keeps the period and grants the credit difference", () => {
    // 10 of 30 days used: 2/3 of ($399 - $79) = $213.33
    const q = quotePlanChange(proMonthly, { tier: enterprise, interval: "month" }, day(10));
    expect(q).toMatchObject({
      when: "now",
      chargeCents: 21_333,
      grantMillicredits: 500_000_000n,
      periodStart: start,
      periodEnd: monthEnd,
    });
  });

  it("charges the full difference at the start of the period and nothing extra at its very end", () => {
    expect(quotePlanChange(proMonthly, { tier: enterprise, interval: "month" }, start)).toMatchObject({
      chargeCents: 32_000,
    });
    expect(quotePlanChange(proMonthly, { tier: enterprise, interval: "month" }, monthEnd)).toMatchObject({
      chargeCents: 0,
    });
  });

  it("starts a new annual period now when switching monthly to annual, crediting the unused month", () => {
    // 15 of 30 days left: $39.50 credit against $790
    const q = quotePlanChange(proMonthly, { tier: pro, interval: "year" }, day(15));
    expect(q).toMatchObject({
      when: "now",
      chargeCents: 79_000 - 3_950,
      creditCents: 3_950,
      grantMillicredits: 0n,
      periodStart: day(15),
    });
    if (q.when === "now") expect(q.periodEnd.getTime() - q.periodStart.getTime()).toBe(365 * 864e5);
  });

  it("schedules downgrades and annual-to-monthly switches for the end of the period, charging nothing", () => {
    expect(quotePlanChange(proMonthly, { tier: starter, interval: "month" }, day(3))).toEqual({
      when: "period_end",
      tier: starter,
      interval: "month",
      chargeCents: 0,
      effectiveAt: monthEnd,
    });
    const proAnnual = {
      ...proMonthly,
      interval: "year" as const,
      currentPeriodEnd: new Date("2027-11-01T00:00:00Z"),
    };
    expect(quotePlanChange(proAnnual, { tier: pro, interval: "month" }, day(3))).toMatchObject({
      when: "period_end",
      effectiveAt: proAnnual.currentPeriodEnd,
    });
  });

  it("refuses the plan you are on and an upgrade that would also drop annual billing", () => {
    expect(() => quotePlanChange(proMonthly, { tier: pro, interval: "month" }, day(1))).toThrow(
      /already on Pro/,
    );
    const proAnnual = { ...proMonthly, interval: "year" as const };
    expect(() => quotePlanChange(proAnnual, { tier: enterprise, interval: "month" }, day(1))).toThrow(
      /stay annual/,
    );
  });
});

describe("renewalCredits", () => {
  it("carries over the rollover share of the unused included credits and lets the rest expire", () => {
    expect(
      renewalCredits({
        balance: 130_000n,
        grantedThisPeriod: 100_000n,
        included: 100_000n,
        rolloverPercent: 50,
      }),
    ).toEqual({ expire: 100_000n, rollover: 50_000n, grant: 100_000n });
  });
  it("never touches purchased credits: only what is left of the included credits can expire", () => {
    expect(
      renewalCredits({
        balance: 30_000n,
        grantedThisPeriod: 100_000n,
        included: 100_000n,
        rolloverPercent: 50,
      }),
    ).toEqual({ expire: 30_000n, rollover: 15_000n, grant: 100_000n });
    expect(
      renewalCredits({ balance: 0n, grantedThisPeriod: 100_000n, included: 100_000n, rolloverPercent: 50 }),
    ).toEqual({ expire: 0n, rollover: 0n, grant: 100_000n });
  });
});
