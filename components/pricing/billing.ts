import type { PublicCatalog, PublicTier } from "@/lib/catalog/public";
import { startPath } from "@/lib/payments/plan-choice";
import { formatCount } from "@/lib/utils/format";

// Pure helpers shared by the pricing page's server and client parts.

export type Interval = "month" | "year";
type Feature = PublicCatalog["features"][number];

/** What a tier costs per month on the chosen interval; annual billing is the yearly price ÷ 12. */
export function monthlyCents(
  tier: Pick<PublicTier, "monthlyPriceCents" | "annualPriceCents">,
  interval: Interval,
): number {
  // Rounded up, as the calculator does, so the card and the calculator always agree.
  return interval === "year" ? Math.ceil(tier.annualPriceCents / 12) : tier.monthlyPriceCents;
}

/** "2 months free" when every paid tier's annual price is 10 × monthly, else "save up to N%". */
export function annualSavingLabel(
  tiers: Pick<PublicTier, "monthlyPriceCents" | "annualPriceCents">[],
): string | null {
  const paid = tiers.filter((t) => t.monthlyPriceCents > 0 && t.annualPriceCents > 0);
  if (paid.length === 0) return null;
  if (paid.every((t) => t.annualPriceCents === 10 * t.monthlyPriceCents)) return "2 months free";
  const best = Math.max(...paid.map((t) => 1 - t.annualPriceCents / (12 * t.monthlyPriceCents)));
  // Rounded down: the page never promises more than a customer gets.
  const percent = Math.floor(best * 100);
  return percent > 0 ? `save up to ${percent}%` : null;
}

/** The pricing page is static: its buttons go to /start, which decides by session (sign-up or in-app checkout). */
export function planHref(code: string, interval: Interval) {
  return startPath({ kind: "plan", plan: code, interval });
}

/** A limit as people say it: "10 team seats", "1 team seat", "Unlimited team seats". */
export function limitLabel(feature: Pick<Feature, "name">, limit: number | null): string {
  const noun = feature.name.toLowerCase();
  if (limit === null) return `Unlimited ${noun}`;
  return `${formatCount(limit)} ${limit === 1 ? noun.replace(/s$/, "") : noun}`;
}

/** The feature lines a plan card lists: the booleans it has, and every limit it sets. */
export function tierFeatureLines(tier: Pick<PublicTier, "features">, features: Feature[]): string[] {
  return features.flatMap((f) => {
    const has = tier.features[f.key];
    if (!has) return [];
    return [f.kind === "limit" ? limitLabel(f, has.limitValue) : f.name];
  });
}

/** The tier a set of models needs: the highest required tier among them (by the catalog's order). */
export function neededTier(
  tiers: Pick<PublicTier, "code" | "name">[],
  requiredCodes: (string | null)[],
): string | null {
  const indexes = requiredCodes.map((code) => tiers.findIndex((t) => t.code === code));
  if (indexes.length === 0 || indexes.some((i) => i < 0)) return null;
  return tiers[Math.max(...indexes)].name;
}

/** Cents per 1,000 credits a pack works out at, bonus included (exact; format for display). */
export function centsPerThousandCredits(priceCents: number, millicredits: bigint): number {
  // 1,000 credits = 1,000,000 millicredits.
  return millicredits > 0n ? (priceCents * 1_000_000) / Number(millicredits) : 0;
}

/** A monthly volume typed by a person: a whole number of 0 or more ("1,500" is fine); null when not. */
export function parseVolume(text: string): number | null {
  const t = text.replace(/[\s,_]/g, "");
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}
