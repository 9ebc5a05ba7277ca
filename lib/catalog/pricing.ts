// The price of one call, in integer millicredits. Pure: no database, no clock.
//
// Provider costs are micro-dollars, which equal millicredits (SPEC §1):
//   charge = ceil(providerCost × (1 + markup) × multiplier)
// where multiplier is a time-of-day rule's (lib/catalog/price-rules.ts; 1 outside its window).
// Token costs are per 1,000 tokens, so the provider cost of a token call can be a fraction of a
// micro-dollar; the whole product is kept exact with BigInt and rounded up once, at the end.

export type PricedModel = {
  unit: "request" | "image" | "second" | "token";
  costPerUnitMicros: bigint;
  inputCostPer1kMicros: bigint;
  outputCostPer1kMicros: bigint;
  free: boolean;
  markupOverrideBps: number | null;
  priceVersion: number;
};

export type Usage = { quantity?: number; inputTokens?: number; outputTokens?: number };

export type MarkupSource = "byok" | "free" | "model" | "tier" | "default";

export type Price = {
  millicredits: bigint;
  /** Provider cost rounded up to whole micro-dollars (what the company pays its provider). */
  providerCostMicros: bigint;
  markupBps: number;
  markupSource: MarkupSource;
  priceVersion: number;
};

const BPS = 10_000n;

/** Which markup applies: BYOK and free models none; else the model's override, the tier's, the default. */
export function resolveMarkup(
  model: Pick<PricedModel, "free" | "markupOverrideBps">,
  tierMarkupBps: number | null,
  defaultMarkupBps: number,
  byok: boolean,
): { markupBps: number; markupSource: MarkupSource } {
  if (byok) return { markupBps: 0, markupSource: "byok" };
  if (model.free) return { markupBps: 0, markupSource: "free" };
  if (model.markupOverrideBps !== null) return { markupBps: model.markupOverrideBps, markupSource: "model" };
  if (tierMarkupBps !== null) return { markupBps: tierMarkupBps, markupSource: "tier" };
  return { markupBps: defaultMarkupBps, markupSource: "default" };
}

function whole(n: number | undefined, what: string): bigint {
  const v = n ?? 0;
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${what} must be a whole number of at least 0`);
  return BigInt(v);
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/**
 * Provider cost as an exact fraction (numerator / denominator micro-dollars) for the usage.
 * Token models: input and output tokens at their per-1K costs; other units: quantity × unit cost.
 */
function providerCost(model: PricedModel, usage: Usage): { num: bigint; den: bigint } {
  if (model.unit === "token") {
    const input = whole(usage.inputTokens, "inputTokens");
    const output = whole(usage.outputTokens, "outputTokens");
    return { num: input * model.inputCostPer1kMicros + output * model.outputCostPer1kMicros, den: 1000n };
  }
  return { num: whole(usage.quantity ?? 1, "quantity") * model.costPerUnitMicros, den: 1n };
}

/**
 * The price of a call. A BYOK call is paid to the provider with the workspace's own key, so
 * Tollgate charges nothing for it (and takes no markup); a free model charges nothing.
 */
export function priceCall(input: {
  model: PricedModel;
  usage: Usage;
  tierMarkupBps: number | null;
  defaultMarkupBps: number;
  byok?: boolean;
  /** A time-of-day rule's multiplier in basis points (10000 = 1x). */
  multiplierBps?: number;
}): Price {
  const { model, usage } = input;
  const byok = input.byok ?? false;
  const { markupBps, markupSource } = resolveMarkup(model, input.tierMarkupBps, input.defaultMarkupBps, byok);
  if (markupBps < 0) throw new RangeError("markup cannot be negative");
  const cost = providerCost(model, usage);
  const providerCostMicros = ceilDiv(cost.num, cost.den);
  const multiplier = BigInt(input.multiplierBps ?? 10_000);
  const millicredits =
    byok || model.free
      ? 0n
      : ceilDiv(cost.num * (BPS + BigInt(markupBps)) * multiplier, cost.den * BPS * BPS);
  return { millicredits, providerCostMicros, markupBps, markupSource, priceVersion: model.priceVersion };
}

/** Daily quota units a call uses: units (quantity, or total tokens / 1K rounded up) × quota weight. */
export function quotaUnits(
  model: Pick<PricedModel, "unit" | "free"> & { quotaWeight: number },
  usage: Usage,
): number {
  if (model.free) return 0;
  const units =
    model.unit === "token"
      ? ceilDiv(whole(usage.inputTokens, "inputTokens") + whole(usage.outputTokens, "outputTokens"), 1000n)
      : whole(usage.quantity ?? 1, "quantity");
  return Number(units) * model.quotaWeight;
}
