import { priceCall, quotaUnits } from "./pricing";
import {
  publicRuleBook,
  scheduleFor,
  volumePrice,
  volumeUnits,
  weekAverageMultiplierBps,
} from "./price-rules";
import type { PublicCatalog, PublicModel } from "./public";

// The pricing page calculator: for a month of usage, what each way of paying costs. Pure, so the
// page runs it in the browser and tests check it by hand.
//
// - Pay as you go: no plan; every paid call draws credits at the free tier's markup (or the
//   default), with the free tier's model access. Credits cost $1 per 1,000.
// - A paid tier: its plan price (annual ÷ 12 on annual billing); calls draw the daily quota first
//   (dailyQuota × 30 a month, usage assumed even over the month), the rest overflows to credits at
//   the tier's markup, paid from the included credits and then from bought credits.
// - Dynamic pricing rules in force at `now`: time-of-day multipliers at their average over a week
//   of even usage, and volume steps over the month's units of each model (as the charge splits them).

export const DAYS_PER_MONTH = 30;
const MILLICREDITS_PER_CENT = 10_000n; // 1 credit = $0.001 = 0.1¢

export type Selection = { modelKey: string; quantity?: number; inputTokens?: number; outputTokens?: number };

export type Option = {
  code: string;
  name: string;
  available: boolean;
  missingModels: string[];
  planCents: number;
  usageMillicredits: bigint;
  quotaUnitsNeeded: number;
  quotaUnitsIncluded: number;
  overageMillicredits: bigint;
  includedMillicredits: bigint;
  boughtMillicredits: bigint;
  creditCents: number;
  totalCents: number;
  cheapest: boolean;
};

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

function toPriced(m: PublicModel) {
  return {
    ...m,
    costPerUnitMicros: BigInt(m.costPerUnitMicros),
    inputCostPer1kMicros: BigInt(m.inputCostPer1kMicros),
    outputCostPer1kMicros: BigInt(m.outputCostPer1kMicros),
  };
}

export function calculate(
  catalog: PublicCatalog,
  selections: Selection[],
  interval: "month" | "year",
  now = new Date(catalog.asOf ?? Date.now()),
): Option[] {
  const book = publicRuleBook(catalog.priceRules ?? []);
  const models = new Map(catalog.apps.flatMap((a) => a.models).map((m) => [m.key, toPriced(m)]));
  const chosen = selections.filter((s) => models.has(s.modelKey));
  const baseTier = catalog.tiers.find((t) => t.monthlyPriceCents === 0 && t.annualPriceCents === 0);

  function cost(access: string[], markupBps: number | null, tierCode: string) {
    let usage = 0n;
    let units = 0;
    for (const s of chosen) {
      const model = models.get(s.modelKey)!;
      const rules = scheduleFor(book, model.key, tierCode, now);
      const list = priceCall({
        model,
        usage: s,
        tierMarkupBps: markupBps,
        defaultMarkupBps: catalog.defaultMarkupBps,
        multiplierBps: weekAverageMultiplierBps(rules.windows),
      }).millicredits;
      const steps = rules.volume?.steps ?? [];
      usage += volumePrice(list, 0n, BigInt(volumeUnits(model.unit, s)), steps);
      units += quotaUnits(model, s);
    }
    const missingModels = chosen.map((s) => s.modelKey).filter((k) => !access.includes(k));
    return { usage, units, missingModels };
  }

  const payg = cost(baseTier?.modelKeys ?? [], baseTier?.markupBps ?? null, baseTier?.code ?? "");
  const paygCents = Number(ceilDiv(payg.usage, MILLICREDITS_PER_CENT));
  const options: Option[] = [
    {
      code: "payg",
      name: "Pay as you go",
      available: payg.missingModels.length === 0,
      missingModels: payg.missingModels,
      planCents: 0,
      usageMillicredits: payg.usage,
      quotaUnitsNeeded: 0,
      quotaUnitsIncluded: 0,
      overageMillicredits: payg.usage,
      includedMillicredits: 0n,
      boughtMillicredits: payg.usage,
      creditCents: paygCents,
      totalCents: paygCents,
      cheapest: false,
    },
  ];

  for (const tier of catalog.tiers) {
    if (tier === baseTier) continue;
    const c = cost(tier.modelKeys, tier.markupBps, tier.code);
    const quotaUnitsIncluded = tier.dailyQuotaUnits * DAYS_PER_MONTH;
    // The share of usage the quota cannot carry overflows to credits.
    const overage =
      c.units <= quotaUnitsIncluded
        ? 0n
        : ceilDiv(c.usage * BigInt(c.units - quotaUnitsIncluded), BigInt(c.units));
    const included = BigInt(tier.includedMillicredits);
    const bought = overage > included ? overage - included : 0n;
    const planCents = interval === "year" ? Math.ceil(tier.annualPriceCents / 12) : tier.monthlyPriceCents;
    const creditCents = Number(ceilDiv(bought, MILLICREDITS_PER_CENT));
    options.push({
      code: tier.code,
      name: tier.name,
      available: c.missingModels.length === 0,
      missingModels: c.missingModels,
      planCents,
      usageMillicredits: c.usage,
      quotaUnitsNeeded: c.units,
      quotaUnitsIncluded,
      overageMillicredits: overage,
      includedMillicredits: included,
      boughtMillicredits: bought,
      creditCents,
      totalCents: planCents + creditCents,
      cheapest: false,
    });
  }

  // Cheapest available option; on a tie the earlier (simpler) one wins.
  const best = options
    .filter((o) => o.available)
    .reduce<Option | null>((a, o) => (!a || o.totalCents < a.totalCents ? o : a), null);
  if (best && chosen.length > 0) best.cheapest = true;
  return options;
}
