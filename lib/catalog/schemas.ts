import { z } from "zod";
import { parseCredits } from "./money";
import { MAX_MULTIPLIER_BPS, MIN_MULTIPLIER_BPS } from "./price-rules";

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

// ---- Dynamic pricing rules (lib/catalog/price-rules.ts) ---------------------------------------

const WEEKDAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** "14:00" → 840; "24:00" is the end of the day. */
const clock = (label: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const m = /^(\d{1,2}):(\d{2})$/.exec(v);
      const minute = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
      if (!m || Number(m[2]) > 59 || minute > 24 * 60) {
        ctx.addIssue({ code: "custom", message: `${label}: enter a UTC time like 14:00 (00:00 to 24:00).` });
        return z.NEVER;
      }
      return minute;
    });

export const priceRuleSchema = z
  .object({
    kind: z.enum(["time_of_day", "volume"], { error: "Choose the kind of rule." }),
    name: z.string().trim().min(1, "Name is required.").max(80),
    scope: z
      .string()
      .regex(/^(model|tier):.+$/, "Choose the model or plan tier the rule applies to.")
      .transform((v) => {
        const [kind, id] = [v.slice(0, v.indexOf(":")), v.slice(v.indexOf(":") + 1)];
        return { modelId: kind === "model" ? id : null, tierId: kind === "tier" ? id : null };
      }),
    effectiveFrom: z
      .string()
      .trim()
      .default("")
      .transform((v, ctx) => {
        if (v === "") return null;
        const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? new Date(`${v}:00Z`) : new Date(NaN);
        if (Number.isNaN(at.getTime())) {
          ctx.addIssue({
            code: "custom",
            message: "Effective from: enter a UTC date and time, or leave it blank for now.",
          });
          return z.NEVER;
        }
        return at;
      }),
    start: z.string().default(""),
    end: z.string().default(""),
    weekdays: z.string().trim().default(""),
    multiplier: z.string().trim().default(""),
    steps: z.string().default(""),
  })
  .transform((input, ctx) => {
    const base = { name: input.name, ...input.scope, effectiveFrom: input.effectiveFrom };
    if (input.kind === "volume") {
      const steps: { fromUnits: number; discountBps: number }[] = [];
      input.steps
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .forEach((line, i) => {
          const m = /^([\d,_ ]+?)\s*[:=]\s*(\d{1,2}(?:\.\d{1,2})?)\s*%?$/.exec(line);
          if (!m)
            return ctx.addIssue({
              code: "custom",
              path: ["steps"],
              message: `Line ${i + 1}: write "threshold: discount %", e.g. 1000000: 10.`,
            });
          steps.push({
            fromUnits: Number(m[1].replace(/[,_ ]/g, "")),
            discountBps: Math.round(Number(m[2]) * 100),
          });
        });
      return { ...base, kind: "volume" as const, steps };
    }
    const start = clock("Start").safeParse(input.start);
    const end = clock("End").safeParse(input.end);
    for (const [r, path] of [
      [start, "start"],
      [end, "end"],
    ] as const)
      if (!r.success) ctx.addIssue({ code: "custom", path: [path], message: r.error.issues[0].message });
    if (start.success && end.success && start.data >= end.data)
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: "End must be after start (a window past midnight is two rules: to 24:00 and from 00:00).",
      });
    const days = input.weekdays
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((d) => WEEKDAY_NAMES.indexOf(d.slice(0, 3)));
    if (days.includes(-1))
      ctx.addIssue({
        code: "custom",
        path: ["weekdays"],
        message: "Weekdays: write day names like Mon, Tue (blank = every day).",
      });
    const multiplier = /^\d{1,2}(\.\d{1,4})?$/.test(input.multiplier)
      ? Math.round(Number(input.multiplier) * 10_000)
      : NaN;
    if (!(multiplier >= MIN_MULTIPLIER_BPS && multiplier <= MAX_MULTIPLIER_BPS))
      ctx.addIssue({
        code: "custom",
        path: ["multiplier"],
        message: "Multiplier: enter a number from 0.1 to 10, e.g. 1.5.",
      });
    return {
      ...base,
      kind: "time_of_day" as const,
      startMinute: start.data ?? 0,
      endMinute: end.data ?? 0,
      weekdays: [...new Set(days)].sort(),
      multiplierBps: multiplier,
    };
  });
export type PriceRuleInput = z.infer<typeof priceRuleSchema>;
