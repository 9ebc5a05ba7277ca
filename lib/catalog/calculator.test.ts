import { describe, expect, it } from "vitest";
import { calculate } from "./calculator";
import type { PublicCatalog, PublicModel, PublicTier } from "./public";

const model = (key: string, over: Partial<PublicModel>): PublicModel => ({
  key,
  name: key,
  appKey: key.split(":")[0],
  unit: "image",
  costPerUnitMicros: "0",
  inputCostPer1kMicros: "0",
  outputCostPer1kMicros: "0",
  quotaWeight: 1,
  free: false,
  beta: false,
  markupOverrideBps: null,
  priceVersion: 1,
  requiredTier: null,
  ...over,
});
const tier = (code: string, over: Partial<PublicTier>): PublicTier => ({
  code,
  name: code,
  description: "",
  monthlyPriceCents: 0,
  annualPriceCents: 0,
  currency: "usd",
  includedMillicredits: "0",
  dailyQuotaUnits: 0,
  rateLimitPerMinute: 60,
  markupBps: null,
  rank: 0,
  mostPopular: false,
  features: {},
  modelKeys: [],
  ...over,
});

const inpaint = model("poster-editor:inpaint-standard", { costPerUnitMicros: "10000" }); // $0.01 an image
const pro = model("poster-editor:inpaint-pro", { costPerUnitMicros: "40000", quotaWeight: 3 }); // $0.04, weight 3
const catalog: PublicCatalog = {
  tiers: [
    tier("free", { markupBps: null, dailyQuotaUnits: 50, modelKeys: [inpaint.key] }),
    tier("starter", {
      monthlyPriceCents: 1900,
      annualPriceCents: 19000,
      includedMillicredits: "20000000",
      dailyQuotaUnits: 100,
      markupBps: 1000,
      rank: 1,
      modelKeys: [inpaint.key],
    }),
    tier("pro", {
      monthlyPriceCents: 7900,
      annualPriceCents: 79000,
      includedMillicredits: "100000000",
      dailyQuotaUnits: 1000,
      markupBps: 500,
      rank: 2,
      modelKeys: [inpaint.key, pro.key],
    }),
  ],
  features: [],
  apps: [{ key: "poster-editor", name: "Poster Editor", description: "", models: [inpaint, pro] }],
  packs: [],
  defaultMarkupBps: 2000,
  rolloverPercent: 50,
};

describe("calculate", () => {
  it("prices a small month cheapest on pay as you go (worked by hand)", () => {
    // 500 standard images: PAYG at the default 20% = 500 × 10,000 × 1.2 = 6,000,000 mc = 6,000 credits = $6.00
    // Starter: 500 units ≤ 100 × 30 = 3,000 quota units, so only the $19 plan; Pro: $79.
    const [payg, starter, proTier] = calculate(catalog, [{ modelKey: inpaint.key, quantity: 500 }], "month");
    expect(payg).toMatchObject({
      usageMillicredits: 6_000_000n,
      totalCents: 600,
      cheapest: true,
      available: true,
    });
    expect(starter).toMatchObject({
      quotaUnitsNeeded: 500,
      quotaUnitsIncluded: 3000,
      overageMillicredits: 0n,
      totalCents: 1900,
      cheapest: false,
    });
    expect(proTier.totalCents).toBe(7900);
  });

  it("prices a heavy month cheapest on a tier, with overage beyond the quota paid from included then bought credits", () => {
    // 6,000 standard images = 6,000 quota units.
    // PAYG: 6,000 × 12,000 = 72,000,000 mc = $72.00.
    // Starter (10%): usage 66,000,000 mc; quota carries 3,000 of 6,000 units -> overage 33,000,000 mc;
    //   included 20,000,000 -> buy 13,000,000 mc = 13,000 credits = $13.00 -> $19 + $13 = $32.00.
    // Pro: 6,000 ≤ 30,000 quota units -> $79.
    const [payg, starter, proTier] = calculate(catalog, [{ modelKey: inpaint.key, quantity: 6000 }], "month");
    expect(payg.totalCents).toBe(7200);
    expect(starter).toMatchObject({
      usageMillicredits: 66_000_000n,
      overageMillicredits: 33_000_000n,
      boughtMillicredits: 13_000_000n,
      creditCents: 1300,
      totalCents: 3200,
      cheapest: true,
    });
    expect(proTier).toMatchObject({ overageMillicredits: 0n, totalCents: 7900, cheapest: false });
  });

  it("marks options that lack a chosen model unavailable and never recommends them", () => {
    const options = calculate(catalog, [{ modelKey: pro.key, quantity: 10 }], "month");
    expect(options.map((o) => [o.code, o.available])).toEqual([
      ["payg", false],
      ["starter", false],
      ["pro", true],
    ]);
    expect(options.find((o) => o.cheapest)?.code).toBe("pro");
    expect(options[0].missingModels).toEqual([pro.key]);
  });

  it("uses the annual price divided by twelve on annual billing", () => {
    const starter = calculate(catalog, [{ modelKey: inpaint.key, quantity: 1 }], "year")[1];
    expect(starter.planCents).toBe(1584); // 19,000 / 12 = 1,583.33 -> rounded up
  });

  it("recommends nothing before anything is chosen", () => {
    expect(calculate(catalog, [], "month").some((o) => o.cheapest)).toBe(false);
  });
});

describe("calculate with dynamic pricing rules", () => {
  const rule = (over: Partial<NonNullable<PublicCatalog["priceRules"]>[number]>) => ({
    id: "r1",
    version: 1,
    kind: "volume" as const,
    name: "Rule",
    active: true,
    startMinute: null,
    endMinute: null,
    weekdays: [],
    multiplierBps: null,
    steps: null,
    effectiveFrom: "2026-01-01T00:00:00.000Z",
    modelKey: inpaint.key,
    tierCode: null,
    ...over,
  });

  it("applies volume steps to the month's units and a time window at its weekly average (worked by hand)", () => {
    const ruled: PublicCatalog = {
      ...catalog,
      priceRules: [
        // from 100 images: −50 %
        rule({ steps: [{ fromUnits: 100, discountBps: 5000 }] }),
        // 2x for 12 hours every day: average over the week 1.5x
        rule({ id: "r2", kind: "time_of_day", startMinute: 0, endMinute: 720, multiplierBps: 20_000 }),
      ],
    };
    const now = new Date("2026-05-05T15:00:00Z");
    const [payg] = calculate(ruled, [{ modelKey: inpaint.key, quantity: 500 }], "month", now);
    // list at 1.5x: 500 × 10,000 × 1.2 × 1.5 = 9,000,000; 100 at full + 400 at half = 5,400,000
    expect(payg.usageMillicredits).toBe(5_400_000n);
    // A rule not yet in force counts for nothing.
    const [before] = calculate(
      ruled,
      [{ modelKey: inpaint.key, quantity: 500 }],
      "month",
      new Date("2025-12-31T00:00:00Z"),
    );
    expect(before.usageMillicredits).toBe(6_000_000n);
  });
});
