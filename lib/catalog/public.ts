import "server-only";
import { onSaleTierWhere } from "./tiers";
import { db } from "@/lib/db";
import { requiredTier } from "./required-tier";
import type { PublicPriceRule, VolumeStep } from "./price-rules";
import { getSettings } from "@/lib/settings/settings";
import { offeredTerms } from "@/lib/experiments/offer";
import type { RunningVariant } from "@/lib/experiments/running";

// The catalog as the public pricing page and calculator see it: public, non-archived tiers,
// enabled models, active packs. BigInts become strings so it can cross into client components.
// With a price experiment's variant, the tiers carry the prices that variant offers.

export type PublicTier = {
  code: string;
  name: string;
  description: string;
  monthlyPriceCents: number;
  annualPriceCents: number;
  currency: string;
  includedMillicredits: string;
  dailyQuotaUnits: number;
  rateLimitPerMinute: number;
  markupBps: number | null;
  rank: number;
  mostPopular: boolean;
  features: Record<string, { limitValue: number | null }>;
  modelKeys: string[];
};

export type PublicModel = {
  key: string;
  name: string;
  appKey: string;
  unit: "request" | "image" | "second" | "token";
  costPerUnitMicros: string;
  inputCostPer1kMicros: string;
  outputCostPer1kMicros: string;
  quotaWeight: number;
  free: boolean;
  beta: boolean;
  markupOverrideBps: number | null;
  priceVersion: number;
  requiredTier: string | null;
};

export type PublicCatalog = {
  tiers: PublicTier[];
  features: {
    key: string;
    name: string;
    description: string;
    category: string;
    kind: "boolean" | "limit";
    unit: string | null;
  }[];
  apps: { key: string; name: string; description: string; models: PublicModel[] }[];
  packs: {
    code: string;
    name: string;
    millicredits: string;
    bonusMillicredits: string;
    priceCents: number;
    currency: string;
  }[];
  defaultMarkupBps: number;
  /** The share of unused included credits that carries into the next month (admin setting). */
  rolloverPercent: number;
  /** Dynamic pricing rules of the models and tiers on sale, every version (lib/catalog/price-rules.ts). */
  priceRules?: PublicPriceRule[];
  /** When this catalog was read (ISO): the calculator's "now" until the browser's clock takes over. */
  asOf?: string;
};

export async function getPublicCatalog(
  variant: Pick<RunningVariant, "prices"> | null = null,
): Promise<PublicCatalog> {
  const [tiers, features, apps, packs, settings, rules] = await Promise.all([
    db.tier.findMany({
      where: onSaleTierWhere, // drafts (public, no models yet) stay off the page
      orderBy: [{ rank: "asc" }, { createdAt: "asc" }],
      include: { features: { include: { feature: true } }, models: { include: { model: true } } },
    }),
    db.feature.findMany({ orderBy: [{ category: "asc" }, { sortOrder: "asc" }, { name: "asc" }] }),
    db.app.findMany({
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      include: {
        models: {
          where: { enabled: true },
          orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
          include: { tiers: { select: { tierId: true } } },
        },
      },
    }),
    db.creditPack.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { priceCents: "asc" }],
    }),
    getSettings(),
    db.priceRule.findMany({ orderBy: [{ id: "asc" }, { version: "asc" }] }),
  ]);
  const modelKey = new Map(apps.flatMap((a) => a.models).map((m) => [m.id, m.key]));
  const tierCode = new Map(tiers.map((t) => [t.id, t.code]));
  return {
    tiers: tiers.map((t) => {
      const terms = offeredTerms(t, variant);
      return {
        code: t.code,
        name: t.name,
        description: t.description,
        monthlyPriceCents: terms.monthlyPriceCents,
        annualPriceCents: terms.annualPriceCents,
        currency: terms.currency,
        includedMillicredits: terms.includedMillicredits.toString(),
        dailyQuotaUnits: terms.dailyQuotaUnits,
        rateLimitPerMinute: t.rateLimitPerMinute,
        markupBps: t.markupBps,
        rank: t.rank,
        mostPopular: t.mostPopular,
        features: Object.fromEntries(t.features.map((f) => [f.feature.key, { limitValue: f.limitValue }])),
        modelKeys: t.models.filter((m) => m.model.enabled).map((m) => m.model.key),
      };
    }),
    features: features.map((f) => ({
      key: f.key,
      name: f.name,
      description: f.description,
      category: f.category,
      kind: f.kind,
      unit: f.unit,
    })),
    apps: apps
      .filter((a) => a.models.length > 0)
      .map((a) => ({
        key: a.key,
        name: a.name,
        description: a.description,
        models: a.models.map((m) => ({
          key: m.key,
          name: m.name,
          appKey: a.key,
          unit: m.unit,
          costPerUnitMicros: m.costPerUnitMicros.toString(),
          inputCostPer1kMicros: m.inputCostPer1kMicros.toString(),
          outputCostPer1kMicros: m.outputCostPer1kMicros.toString(),
          quotaWeight: m.quotaWeight,
          free: m.free,
          beta: m.beta,
          markupOverrideBps: m.markupOverrideBps,
          priceVersion: m.priceVersion,
          requiredTier:
            requiredTier(
              m.tiers.map((t) => t.tierId),
              tiers,
            )?.code ?? null,
        })),
      })),
    packs: packs.map((p) => ({
      code: p.code,
      name: p.name,
      millicredits: p.millicredits.toString(),
      bonusMillicredits: p.bonusMillicredits.toString(),
      priceCents: p.priceCents,
      currency: p.currency,
    })),
    defaultMarkupBps: settings.defaultMarkupBps,
    rolloverPercent: settings.rolloverPercent,
    priceRules: rules
      .filter((r) => (r.modelId ? modelKey.has(r.modelId) : tierCode.has(r.tierId ?? "")))
      .map((r) => ({
        id: r.id,
        version: r.version,
        kind: r.kind,
        name: r.name,
        active: r.active,
        startMinute: r.startMinute,
        endMinute: r.endMinute,
        weekdays: r.weekdays,
        multiplierBps: r.multiplierBps,
        steps: r.kind === "volume" ? ((r.steps ?? []) as VolumeStep[]) : null,
        effectiveFrom: r.effectiveFrom.toISOString(),
        modelKey: r.modelId ? modelKey.get(r.modelId)! : null,
        tierCode: r.tierId ? tierCode.get(r.tierId)! : null,
      })),
    asOf: new Date().toISOString(),
  };
}
