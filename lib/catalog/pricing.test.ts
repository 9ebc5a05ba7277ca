import { describe, expect, it } from "vitest";
import { priceCall, quotaUnits, resolveMarkup, type PricedModel } from "./pricing";

const perImage: PricedModel = {
  unit: "image",
  costPerUnitMicros: 40_000n, // $0.04 per image
  inputCostPer1kMicros: 0n,
  outputCostPer1kMicros: 0n,
  free: false,
  markupOverrideBps: null,
  priceVersion: 3,
};
const chat: PricedModel = {
  unit: "token",
  costPerUnitMicros: 0n,
  inputCostPer1kMicros: 150n, // $0.15 per 1M input tokens
  outputCostPer1kMicros: 600n, // $0.60 per 1M output tokens
  free: false,
  markupOverrideBps: null,
  priceVersion: 1,
};
const price = (
  model: PricedModel,
  usage: Parameters<typeof priceCall>[0]["usage"],
  tier: number | null = 1000,
  byok = false,
) => priceCall({ model, usage, tierMarkupBps: tier, defaultMarkupBps: 2000, byok });

describe("resolveMarkup", () => {
  it("uses the model override before the tier markup before the global default", () => {
    expect(resolveMarkup({ free: false, markupOverrideBps: 300 }, 1000, 2000, false)).toEqual({
      markupBps: 300,
      markupSource: "model",
    });
    expect(resolveMarkup({ free: false, markupOverrideBps: null }, 1000, 2000, false)).toEqual({
      markupBps: 1000,
      markupSource: "tier",
    });
    expect(resolveMarkup({ free: false, markupOverrideBps: null }, null, 2000, false)).toEqual({
      markupBps: 2000,
      markupSource: "default",
    });
  });

  it("takes an override of 0% and a tier markup of 0% as real values, not as unset", () => {
    expect(resolveMarkup({ free: false, markupOverrideBps: 0 }, 1000, 2000, false).markupBps).toBe(0);
    expect(resolveMarkup({ free: false, markupOverrideBps: null }, 0, 2000, false)).toEqual({
      markupBps: 0,
      markupSource: "tier",
    });
  });

  it("gives BYOK calls and free models no markup, BYOK first", () => {
    expect(resolveMarkup({ free: true, markupOverrideBps: 500 }, 1000, 2000, true).markupSource).toBe("byok");
    expect(resolveMarkup({ free: true, markupOverrideBps: 500 }, 1000, 2000, false)).toEqual({
      markupBps: 0,
      markupSource: "free",
    });
  });
});

describe("priceCall", () => {
  it("charges quantity × unit cost plus the tier markup", () => {
    // 3 images × 40,000 µ$ = 120,000; +10% = 132,000 millicredits (132 credits, $0.132)
    expect(price(perImage, { quantity: 3 })).toMatchObject({
      millicredits: 132_000n,
      providerCostMicros: 120_000n,
      markupBps: 1000,
      markupSource: "tier",
      priceVersion: 3,
    });
  });

  it("defaults the quantity to one", () => {
    expect(price(perImage, {}).millicredits).toBe(44_000n);
  });

  it("rounds up once, at the end, never down", () => {
    const odd = { ...perImage, costPerUnitMicros: 7n };
    // 7 × 1.1 = 7.7 -> 8; 3 calls of 1 cost 24 but one call of 3 costs ceil(23.1) = 24 as well
    expect(price(odd, { quantity: 1 }).millicredits).toBe(8n);
    expect(price(odd, { quantity: 3 }).millicredits).toBe(24n);
    // 1 µ$ at 0.01% markup: 1.0001 -> 2
    expect(
      priceCall({
        model: { ...odd, costPerUnitMicros: 1n },
        usage: {},
        tierMarkupBps: 1,
        defaultMarkupBps: 0,
      }).millicredits,
    ).toBe(2n);
    // exact products are not rounded up
    expect(price(odd, { quantity: 10 }).millicredits).toBe(77n);
  });

  it("prices tokens per 1K, input and output separately, with fractions kept exact until the end", () => {
    // 1,240 in × 0.15 + 380 out × 0.6 = 186 + 228 = 414 µ$; +10% = 455.4 -> 456
    expect(price(chat, { inputTokens: 1240, outputTokens: 380 })).toMatchObject({
      millicredits: 456n,
      providerCostMicros: 414n,
    });
    // 1 input token: 0.15 µ$ -> provider cost rounds up to 1, charge ceil(0.165) = 1
    expect(price(chat, { inputTokens: 1 })).toMatchObject({ millicredits: 1n, providerCostMicros: 1n });
  });

  it("charges nothing for zero tokens or zero quantity", () => {
    expect(price(chat, { inputTokens: 0, outputTokens: 0 }).millicredits).toBe(0n);
    expect(price(chat, {}).millicredits).toBe(0n);
    expect(price(perImage, { quantity: 0 }).millicredits).toBe(0n);
  });

  it("stays exact for huge quantities beyond floating point precision", () => {
    const huge = Number.MAX_SAFE_INTEGER; // 9,007,199,254,740,991
    const expected = (BigInt(huge) * 40_000n * 11_000n) / 10_000n; // exact: divisible
    expect(price(perImage, { quantity: huge }).millicredits).toBe(expected);
    expect(price(chat, { inputTokens: huge, outputTokens: huge }).millicredits).toBe(
      (BigInt(huge) * 750n * 11_000n + 10_000_000n - 1n) / 10_000_000n,
    );
  });

  it("charges a free model nothing whatever the usage", () => {
    expect(price({ ...perImage, free: true }, { quantity: 1_000_000 })).toMatchObject({
      millicredits: 0n,
      markupBps: 0,
      markupSource: "free",
      providerCostMicros: 40_000_000_000n,
    });
  });

  it("charges a BYOK call nothing and records no markup", () => {
    expect(
      price({ ...chat, markupOverrideBps: 5000 }, { inputTokens: 1000, outputTokens: 1000 }, 1000, true),
    ).toMatchObject({
      millicredits: 0n,
      markupBps: 0,
      markupSource: "byok",
      providerCostMicros: 750n,
    });
  });

  it("applies a model override over the tier markup, and the default without a tier markup", () => {
    expect(price({ ...perImage, markupOverrideBps: 2500 }, { quantity: 1 }).millicredits).toBe(50_000n);
    expect(price(perImage, { quantity: 1 }, null).millicredits).toBe(48_000n);
    expect(price(perImage, { quantity: 1 }, 0).millicredits).toBe(40_000n);
  });

  it("rejects negative or fractional usage instead of pricing it", () => {
    expect(() => price(perImage, { quantity: -1 })).toThrow(RangeError);
    expect(() => price(perImage, { quantity: 1.5 })).toThrow(RangeError);
    expect(() => price(chat, { inputTokens: -5 })).toThrow(RangeError);
    expect(() => price(chat, { outputTokens: Number.NaN })).toThrow(RangeError);
  });
});

describe("quotaUnits", () => {
  it("is units × quota weight; tokens count per started 1K; free models use none", () => {
    expect(quotaUnits({ unit: "image", free: false, quotaWeight: 5 }, { quantity: 3 })).toBe(15);
    expect(
      quotaUnits({ unit: "token", free: false, quotaWeight: 2 }, { inputTokens: 1240, outputTokens: 380 }),
    ).toBe(4);
    expect(quotaUnits({ unit: "token", free: false, quotaWeight: 2 }, {})).toBe(0);
    expect(quotaUnits({ unit: "request", free: true, quotaWeight: 9 }, { quantity: 4 })).toBe(0);
  });
});
