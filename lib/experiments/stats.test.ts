import { describe, expect, it } from "vitest";
import { compareToControl, normalCdf } from "./stats";

// Fixtures computed by hand:
// control 100/1000 = 10%, B 130/1000 = 13%: diff +3.0 points.
//   unpooled SE = sqrt(0.1·0.9/1000 + 0.13·0.87/1000) = sqrt(0.0000900 + 0.0001131) = 0.014251
//   95% CI = 0.03 ± 1.959964·0.014251 = +0.2069 .. +5.7931 points
//   pooled p = 230/2000 = 0.115; SE = sqrt(0.115·0.885·(2/1000)) = 0.014267; z = 0.03/0.014267 = 2.1028
//   two-sided p = 2·(1 − Φ(2.1028)) = 0.0355
describe("the statistical read", () => {
  it("names a winner only when the interval excludes zero", () => {
    const c = compareToControl(
      { key: "A", visitors: 1000, conversions: 100 },
      { key: "B", visitors: 1000, conversions: 130 },
    );
    expect(c.diffPoints).toBeCloseTo(3.0, 6);
    expect(c.ciLowPoints).toBeCloseTo(0.2069, 3);
    expect(c.ciHighPoints).toBeCloseTo(5.7931, 3);
    expect(c.z).toBeCloseTo(2.1028, 3);
    expect(c.pValue).toBeCloseTo(0.0355, 3);
    expect(c.verdict).toBe("better");
    expect(c.summary).toBe("B converts better: +3.0 points (95% CI +0.2 to +5.8).");
  });

  it("says when a variant converts worse", () => {
    // control 130/1000, B 100/1000: the mirror image of the fixture above.
    const c = compareToControl(
      { key: "A", visitors: 1000, conversions: 130 },
      { key: "B", visitors: 1000, conversions: 100 },
    );
    expect(c.verdict).toBe("worse");
    expect(c.summary).toBe("B converts worse: −3.0 points (95% CI −5.8 to −0.2).");
  });

  it("calls no difference when the interval spans zero", () => {
    // control 50/500 = 10%, B 60/500 = 12%: SE = sqrt(0.09/500 + 0.1056/500) = 0.0197788,
    // CI = 2.0 ± 3.8766 = −1.8766 .. +5.8766 points.
    const c = compareToControl(
      { key: "A", visitors: 500, conversions: 50 },
      { key: "B", visitors: 500, conversions: 60 },
    );
    expect(c.ciLowPoints).toBeCloseTo(-1.8766, 3);
    expect(c.ciHighPoints).toBeCloseTo(5.8766, 3);
    expect(c.verdict).toBe("no_difference");
    expect(c.summary).toBe(
      "No clear difference: B is +2.0 points (95% CI −1.9 to +5.9); the interval includes zero.",
    );
  });

  it("says it is too early below 100 visitors or 10 paid conversions on either side", () => {
    const small = compareToControl(
      { key: "A", visitors: 80, conversions: 2 },
      { key: "B", visitors: 90, conversions: 9 },
    );
    expect(small.verdict).toBe("too_early");
    expect(small.enoughData).toBe(false);
    expect(small.summary).toBe(
      "Too early to call: A has 80 of 100 visitors and 2 of 10 paid conversions; B has 90 of 100 visitors and 9 of 10 paid conversions (at least 100 visitors and 10 paid conversions each).",
    );
    // A big difference does not skip the minimum: 9 conversions is still too few.
    const big = compareToControl(
      { key: "A", visitors: 1000, conversions: 9 },
      { key: "B", visitors: 1000, conversions: 200 },
    );
    expect(big.verdict).toBe("too_early");
    expect(big.summary).toMatch(/^Too early to call: A has 9 of 10 paid conversions/);
  });

  it("handles a variant nobody has visited yet", () => {
    const c = compareToControl(
      { key: "A", visitors: 0, conversions: 0 },
      { key: "B", visitors: 0, conversions: 0 },
    );
    expect(c.verdict).toBe("too_early");
    expect(c.pValue).toBe(1);
    expect(c.diffPoints).toBe(0);
  });

  it("computes the normal distribution to table accuracy", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
  });
});
