import { z } from "zod";
import { parseCredits } from "@/lib/catalog/money";

// The experiment form: variant A is the control (the catalog as it is); B and an optional C set
// prices for some of the tiers under test. People type dollars and credits; the domain keeps cents
// and millicredits. Only prices and included credits can differ: a variant has no way to take a
// model or feature away from a plan.

export const VARIANT_KEYS = ["A", "B", "C"] as const;
/** Stripe's smallest charge, and a ceiling well inside the integer columns. */
export const MIN_PRICE_CENTS = 50;
export const MAX_PRICE_CENTS = 10_000_000;

export type ExperimentTier = {
  id: string;
  code: string;
  name: string;
  monthlyPriceCents: number;
  annualPriceCents: number;
};

export type VariantPriceInput = {
  tierId: string;
  monthlyPriceCents: number;
  annualPriceCents: number;
  includedMillicredits: bigint | null;
};

export type ExperimentInput = {
  name: string;
  variants: { key: string; control: boolean; weight: number; prices: VariantPriceInput[] }[];
};

export const fieldName = (kind: "monthly" | "annual" | "credits", key: string, tierCode: string) =>
  `${kind}_${key}_${tierCode}`;

const WEIGHT = /^\d{1,3}$/;
const DOLLARS = /^\d{1,7}(\.\d{1,2})?$/;

/** The schema for a form listing `tiers` (paid tiers on sale). */
export function experimentFormSchema(tiers: ExperimentTier[]) {
  return z.record(z.string(), z.string()).transform((raw, ctx): ExperimentInput => {
    let issues = 0;
    const issue = (field: string, message: string) => {
      issues += 1;
      ctx.addIssue({ code: "custom", path: [field], message });
    };
    const name = (raw.name ?? "").trim();
    if (!name) issue("name", "Give the experiment a name.");
    else if (name.length > 80) issue("name", "Keep the name to 80 characters.");

    const cents = (field: string, label: string) => {
      const v = (raw[field] ?? "").trim().replaceAll(",", "");
      if (!v) return null;
      const n = DOLLARS.test(v) ? Math.round(Number(v) * 100) : NaN;
      if (!Number.isFinite(n) || n < MIN_PRICE_CENTS || n > MAX_PRICE_CENTS) {
        issue(field, `${label}: enter an amount from $0.50 to $100,000, like 29 or 29.99.`);
        return undefined;
      }
      return n;
    };

    const variants: ExperimentInput["variants"] = [];
    for (const key of VARIANT_KEYS) {
      const weightText = (raw[`weight_${key}`] ?? "").trim();
      const prices: VariantPriceInput[] = [];
      const issuesBefore = issues;
      if (key !== "A")
        for (const tier of tiers) {
          const label = `${key}, ${tier.name}`;
          const monthlyField = fieldName("monthly", key, tier.code);
          const annualField = fieldName("annual", key, tier.code);
          const creditsField = fieldName("credits", key, tier.code);
          const monthly = cents(monthlyField, `${label} monthly`);
          const annual = cents(annualField, `${label} annual`);
          const creditsText = (raw[creditsField] ?? "").trim();
          const credits = creditsText ? parseCredits(creditsText) : null;
          if (creditsText && (credits === null || credits < 0n))
            issue(
              creditsField,
              `${label} included credits: enter a number of credits like 5000, or leave blank.`,
            );
          if (monthly === null && annual === null && !creditsText) continue;
          if (monthly === null) issue(monthlyField, `${label}: enter the monthly price too.`);
          if (annual === null) issue(annualField, `${label}: enter the annual price too.`);
          if (typeof monthly === "number" && typeof annual === "number") {
            if (annual > monthly * 12)
              issue(annualField, `${label}: the annual price cannot be more than 12 monthly payments.`);
            prices.push({
              tierId: tier.id,
              monthlyPriceCents: monthly,
              annualPriceCents: annual,
              includedMillicredits: credits,
            });
          }
        }
      const used = key === "A" || key === "B" || weightText !== "" || prices.length > 0;
      if (!used) continue;
      if (!WEIGHT.test(weightText) || Number(weightText) < 1 || Number(weightText) > 100) {
        issue(`weight_${key}`, `Variant ${key}: enter a share of traffic from 1 to 100.`);
        continue;
      }
      if (key !== "A" && prices.length === 0 && issues === issuesBefore)
        issue(
          fieldName("monthly", key, tiers[0]?.code ?? ""),
          `Variant ${key}: set the prices of at least one plan (or leave the variant out).`,
        );
      variants.push({ key, control: key === "A", weight: Number(weightText), prices });
    }
    return { name, variants };
  });
}
