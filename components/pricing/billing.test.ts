import { describe, expect, it } from "vitest";
import {
  annualSavingLabel,
  centsPerThousandCredits,
  limitLabel,
  monthlyCents,
  neededTier,
  parseVolume,
  planHref,
  tierFeatureLines,
} from "./billing";

const price = (monthlyPriceCents: number, annualPriceCents: number) => ({
  monthlyPriceCents,
  annualPriceCents,
});

describe("pricing page helpers", () => {
  it("calls annual = 10 × monthly on every paid tier two months free, and otherwise the best saving, rounded down", () => {
    expect(annualSavingLabel([price(0, 0), price(1900, 19000), price(7900, 79000)])).toBe("2 months free");
    // 1 − 9,000 / 12,000 = 25%; 1 − 11,000 / 12,000 = 8.3%
    expect(annualSavingLabel([price(1000, 9000), price(1000, 11000)])).toBe("save up to 25%");
    expect(annualSavingLabel([price(1000, 12000)])).toBeNull();
    expect(annualSavingLabel([price(0, 0)])).toBeNull();
  });

  it("shows annual plans per month as the yearly price ÷ 12, rounded up like the calculator", () => {
    expect(monthlyCents(price(7900, 79000), "month")).toBe(7900);
    expect(monthlyCents(price(7900, 79000), "year")).toBe(6584);
    expect(monthlyCents(price(0, 0), "year")).toBe(0);
    expect(planHref("pro", "year")).toBe("/start?plan=pro&interval=year");
  });

  it("words limits the way people say them", () => {
    expect(limitLabel({ name: "Team seats" }, 10)).toBe("10 team seats");
    expect(limitLabel({ name: "Team seats" }, 1)).toBe("1 team seat");
    expect(limitLabel({ name: "Team seats" }, null)).toBe("Unlimited team seats");
    const features = [
      {
        key: "sso",
        name: "Single sign-on",
        description: "",
        category: "Security",
        kind: "boolean" as const,
        unit: null,
      },
      {
        key: "team_seats",
        name: "Team seats",
        description: "",
        category: "Team",
        kind: "limit" as const,
        unit: "seats",
      },
      {
        key: "white_label",
        name: "White-label",
        description: "",
        category: "Branding",
        kind: "boolean" as const,
        unit: null,
      },
    ];
    expect(
      tierFeatureLines(
        { features: { sso: { limitValue: null }, team_seats: { limitValue: 3000 } } },
        features,
      ),
    ).toEqual(["Single sign-on", "3,000 team seats"]);
  });

  it("accepts only whole numbers of 0 or more as volumes", () => {
    expect(parseVolume("1,500")).toBe(1500);
    expect(parseVolume(" 0 ")).toBe(0);
    for (const bad of ["", "-1", "1.5", "1e3", "ten", "99999999999999999999"])
      expect(parseVolume(bad)).toBeNull();
  });

  it("prices packs per 1,000 credits with the bonus included, and names the tier missing models need", () => {
    // $50 for 50,000 + 2,500 credits = 5,000¢ / 52.5 thousand = 95.24¢
    expect(centsPerThousandCredits(5000, 52_500_000n)).toBeCloseTo(95.238, 3);
    expect(centsPerThousandCredits(1000, 10_000_000n)).toBe(100);
    const tiers = [
      { code: "free", name: "Free" },
      { code: "starter", name: "Starter" },
      { code: "pro", name: "Pro" },
    ];
    expect(neededTier(tiers, ["starter", "pro"])).toBe("Pro");
    expect(neededTier(tiers, ["starter", null])).toBeNull();
  });
});
