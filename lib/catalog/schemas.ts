import { z } from "zod";
import { parseCredits } from "./money";

// Form-facing schemas for catalog edits: people type dollars, credits and percentages; the
// domain stores cents, millicredits and basis points.

export const dollars = (label: string) =>
  z.coerce
    .string()
    .trim()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, `${label}: enter an amount like 29 or 29.99.`)
    .transform((v) => Math.round(Number(v) * 100));

const credits = (label: string) =>
  z.coerce
    .string()
    .trim()
    .transform((v, ctx) => {
      const m = parseCredits(v || "0");
      if (m === null || m < 0n) {
        ctx.addIssue({ code: "custom", message: `${label}: enter a number of credits like 5000 or 2.5.` });
        return z.NEVER;
      }
      return m;
    });

const percentOrBlank = (label: string) =>
  z.coerce
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return null;
      if (!/^\d{1,4}(\.\d{1,2})?$/.test(v) || Number(v) > 1000) {
        ctx.addIssue({
          code: "custom",
          message: `${label}: enter a percentage from 0 to 1000, or leave it blank.`,
        });
        return z.NEVER;
      }
      return Math.round(Number(v) * 100);
    });

/** Free text up to `max` characters; blank is null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullish();

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const code = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Use lowercase letters, digits and dashes.");
const wholeNumber = (label: string, max = 1_000_000_000) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(0, `${label} cannot be negative.`)
    .max(max);

export const tierSchema = z.object({
  code,
  name: z.string().trim().min(1, "Name is required.").max(60),
  description: z.string().trim().max(300).default(""),
  monthlyPrice: dollars("Monthly price"),
  annualPrice: dollars("Annual price"),
  includedCredits: credits("Included credits"),
  dailyQuotaUnits: wholeNumber("Daily quota"),
  rateLimitPerMinute: wholeNumber("Rate limit", 1_000_000),
  markupPercent: percentOrBlank("Markup"),
  rank: wholeNumber("Rank", 1_000_000),
  isPublic: checkbox,
  mostPopular: checkbox,
});
export type TierInput = z.infer<typeof tierSchema>;

export const featureSchema = z.object({
  key: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lowercase letters, digits and underscores."),
  name: z.string().trim().min(1, "Name is required.").max(80),
  description: z.string().trim().max(300).default(""),
  category: z.string().trim().min(1).max(40).default("General"),
  kind: z.enum(["boolean", "limit"]),
  unit: optionalText(20),
  sortOrder: wholeNumber("Order", 10_000).default(0),
});
export type FeatureInput = z.infer<typeof featureSchema>;

export const appSchema = z.object({
  key: code,
  name: z.string().trim().min(1, "Name is required.").max(80),
  description: z.string().trim().max(300).default(""),
  sortOrder: wholeNumber("Order", 10_000).default(0),
});
export type AppInput = z.infer<typeof appSchema>;

const micros = (label: string) =>
  z.coerce
    .string()
    .trim()
    .transform((v, ctx) => {
      if (!/^\d{1,12}$/.test(v || "0")) {
        ctx.addIssue({ code: "custom", message: `${label}: enter whole micro-dollars (1,000,000 = $1).` });
        return z.NEVER;
      }
      return BigInt(v || "0");
    });

export const modelSchema = z.object({
  appId: z.string().min(1, "Choose an app."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9.-]{0,59}$/, "Use lowercase letters, digits, dots and dashes."),
  name: z.string().trim().min(1, "Name is required.").max(80),
  description: z.string().trim().max(300).default(""),
  unit: z.enum(["request", "image", "second", "token"]),
  costPerUnitMicros: micros("Cost per unit"),
  inputCostPer1kMicros: micros("Input cost per 1K tokens"),
  outputCostPer1kMicros: micros("Output cost per 1K tokens"),
  quotaWeight: wholeNumber("Quota weight", 1_000_000),
  free: checkbox,
  beta: checkbox,
  enabled: checkbox,
  markupOverridePercent: percentOrBlank("Markup override"),
  provider: optionalText(40),
  sortOrder: wholeNumber("Order", 10_000).default(0),
});
export type ModelInput = z.infer<typeof modelSchema>;

export const creditPackSchema = z.object({
  code,
  name: z.string().trim().min(1, "Name is required.").max(60),
  credits: credits("Credits"),
  bonusCredits: credits("Bonus credits"),
  price: dollars("Price"),
  active: checkbox,
  sortOrder: wholeNumber("Order", 10_000).default(0),
});
export type CreditPackInput = z.infer<typeof creditPackSchema>;
