import { describe, expect, it } from "vitest";
import { formatCount, scaledDecimal } from "@/lib/utils/format";
import {
  creditsString,
  formatBps,
  formatCents,
  formatCredits,
  formatExactCents,
  parseCredits,
} from "./money";

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

  // Whole numbers and dollars are written without Intl in the browser (lib/utils/format.ts): the
  // text must be exactly what Intl's en-US formatting gives.
  it("writes whole numbers, dollars and basis points exactly as Intl's en-US formatting does", () => {
    const usd = (min: number) =>
      new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: min });
    for (const cents of [0, 1, 7, 99, 100, 105, 1999, 2900, 29050, 100000, 123456789, -1, -150, -123456]) {
      expect(formatCents(cents)).toBe(usd(cents % 100 === 0 ? 0 : 2).format(cents / 100));
      expect(formatExactCents(cents)).toBe(usd(2).format(cents / 100));
      expect(formatExactCents(BigInt(cents), "USD")).toBe(usd(2).format(cents / 100));
    }
    for (const n of [0, 7, 999, 1000, 12345, 1234567, -1000, 9_007_199_254_740_991])
      expect(formatCount(n)).toBe(n.toLocaleString("en-US"));
    expect(formatCount(12_345_678_901_234_567_890n)).toBe(
      12_345_678_901_234_567_890n.toLocaleString("en-US"),
    );
    expect(formatCount(1234.5678)).toBe("1,234.568");
    for (const bps of [0, 1, 250, 1000, 1234, 12345, 100000, -250])
      expect(formatBps(bps)).toBe(`${(bps / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`);
    expect(scaledDecimal(15_000, 4)).toBe("1.5");
    expect(formatCents(1999, "eur")).toBe("€19.99");
  });
});
