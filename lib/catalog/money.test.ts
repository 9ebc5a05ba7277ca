import { describe, expect, it } from "vitest";
import { creditsString, formatBps, formatCents, formatCredits, parseCredits } from "./money";

describe("money formatting", () => {
  it("shows credits with up to three decimals and never floats", () => {
    expect(formatCredits(1_234_500n)).toBe("1,234.5");
    expect(formatCredits(1n)).toBe("0.001");
    expect(formatCredits(-2_000n)).toBe("-2");
    expect(creditsString(9_007_199_254_740_993_123n)).toBe("9007199254740993.123");
  });

  it("parses typed credits exactly and refuses what is not a number", () => {
    expect(parseCredits("1,500")).toBe(1_500_000n);
    expect(parseCredits("2.5")).toBe(2_500n);
    expect(parseCredits("-0.001")).toBe(-1n);
    expect(parseCredits("1.0001")).toBeNull();
    expect(parseCredits("abc")).toBeNull();
  });

  it("formats cents and basis points", () => {
    expect(formatCents(2900)).toBe("$29");
    expect(formatCents(29050)).toBe("$290.50");
    expect(formatBps(1000)).toBe("10%");
    expect(formatBps(250)).toBe("2.5%");
  });
});
