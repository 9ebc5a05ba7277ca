import type { Tier } from "@/lib/db";
import { bpsToInput, centsToInput, millicreditsToInput } from "../_lib/form-values";
import type { TierFormValues } from "./tier-form";

/** A stored tier as the strings its form edits (no BigInt crosses to the client). */
export function tierToForm(tier: Tier): TierFormValues {
  return {
    id: tier.id,
    code: tier.code,
    name: tier.name,
    description: tier.description,
    monthlyPrice: centsToInput(tier.monthlyPriceCents),
    annualPrice: centsToInput(tier.annualPriceCents),
    includedCredits: millicreditsToInput(tier.includedMillicredits),
    dailyQuotaUnits: String(tier.dailyQuotaUnits),
    rateLimitPerMinute: String(tier.rateLimitPerMinute),
    markupPercent: bpsToInput(tier.markupBps),
    rank: String(tier.rank),
    isPublic: tier.isPublic,
    mostPopular: tier.mostPopular,
  };
}
