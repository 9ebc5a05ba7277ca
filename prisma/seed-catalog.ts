import type { FeatureKind, ModelUnit, Prisma } from "@/lib/db";
import { recordPlanVersion } from "@/lib/billing/plan-versions";
import { db } from "@/lib/db";

// The starting catalog. Annual price = 10 × monthly (two months free). Credits are millicredits
// (× 1,000); provider costs are micro-dollars per unit or per 1K tokens.

const credits = (n: number) => BigInt(n) * 1000n;

const tiers = [
  {
    code: "free",
    name: "Free",
    description: "Try every free model and pay as you go for the rest.",
    monthlyPriceCents: 0,
    annualPriceCents: 0,
    includedMillicredits: credits(1_000),
    dailyQuotaUnits: 50,
    rateLimitPerMinute: 20,
    markupBps: null,
    rank: 0,
    mostPopular: false,
  },
  {
    code: "starter",
    name: "Starter",
    description: "For solo creators shipping their first AI product.",
    monthlyPriceCents: 1_900,
    annualPriceCents: 19_000,
    includedMillicredits: credits(20_000),
    dailyQuotaUnits: 500,
    rateLimitPerMinute: 60,
    markupBps: 1_000,
    rank: 1,
    mostPopular: false,
  },
  {
    code: "pro",
    name: "Pro",
    description: "For growing teams that need the best models every day.",
    monthlyPriceCents: 7_900,
    annualPriceCents: 79_000,
    includedMillicredits: credits(100_000),
    dailyQuotaUnits: 3_000,
    rateLimitPerMinute: 300,
    markupBps: 500,
    rank: 2,
    mostPopular: true,
  },
  {
    code: "enterprise",
    name: "Enterprise",
    description: "Every model, white-label, and the highest limits.",
    monthlyPriceCents: 39_900,
    annualPriceCents: 399_000,
    includedMillicredits: credits(600_000),
    dailyQuotaUnits: 25_000,
    rateLimitPerMinute: 1_500,
    markupBps: 0,
    rank: 3,
    mostPopular: false,
  },
] satisfies Prisma.TierCreateManyInput[];

// [key, name, category, kind, unit, per-tier values: true/number = has it (number = limit), null = unlimited, false = no]
const features: [string, string, string, FeatureKind, string | null, (boolean | number | null)[]][] = [
  ["api_access", "API access", "Platform", "boolean", null, [true, true, true, true]],
  ["team_seats", "Team seats", "Collaboration", "limit", "seats", [1, 3, 10, null]],
  ["overage_to_credits", "Overage to credits", "Billing", "boolean", null, [true, true, true, true]],
  ["batch_processing", "Batch processing", "Platform", "boolean", null, [false, false, true, true]],
  ["usage_export", "Usage export (CSV)", "Platform", "boolean", null, [true, true, true, true]],
  ["priority_support", "Priority support", "Support", "boolean", null, [false, false, true, true]],
  ["white_label", "White-label", "Branding", "boolean", null, [false, false, false, true]],
  ["sso", "Single sign-on", "Security", "boolean", null, [false, false, false, true]],
];

const apps = [
  ["video-generator", "Video Generator", "Text and image to video."],
  ["poster-editor", "Poster Editor", "Inpainting, upscaling and layout for posters."],
  ["video-mixer", "Video Mixer", "Cut, mix and caption clips."],
  ["carousel-mix", "Carousel Mix", "Social carousels from one prompt."],
  ["looping-flow", "Looping Flow", "Seamless looping animations."],
  ["chat", "Chat", "Chat completions from leading language models."],
] as const;

type SeedModel = {
  key: string;
  name: string;
  unit: ModelUnit;
  cost?: number;
  inPer1k?: number;
  outPer1k?: number;
  weight: number;
  tier: number;
  beta?: boolean;
  free?: boolean;
  provider?: string;
};
const models: SeedModel[] = [
  { key: "video-generator:clip-lite", name: "Clip Lite", unit: "second", cost: 20_000, weight: 2, tier: 0 },
  {
    key: "video-generator:veo-3-fast",
    name: "Veo 3 Fast",
    unit: "second",
    cost: 150_000,
    weight: 5,
    tier: 1,
  },
  { key: "video-generator:veo-3", name: "Veo 3", unit: "second", cost: 500_000, weight: 10, tier: 2 },
  {
    key: "poster-editor:inpaint-standard",
    name: "Inpaint Standard",
    unit: "image",
    cost: 10_000,
    weight: 1,
    tier: 0,
  },
  { key: "poster-editor:inpaint-pro", name: "Inpaint Pro", unit: "image", cost: 40_000, weight: 3, tier: 2 },
  {
    key: "poster-editor:super-resolution",
    name: "Super Resolution",
    unit: "image",
    cost: 80_000,
    weight: 5,
    tier: 3,
  },
  { key: "video-mixer:mix-basic", name: "Mix Basic", unit: "request", cost: 5_000, weight: 1, tier: 0 },
  { key: "video-mixer:mix-hd", name: "Mix HD", unit: "request", cost: 30_000, weight: 3, tier: 1 },
  {
    key: "carousel-mix:carousel-standard",
    name: "Carousel Standard",
    unit: "image",
    cost: 8_000,
    weight: 1,
    tier: 0,
  },
  {
    key: "carousel-mix:brand-kit",
    name: "Brand Kit",
    unit: "image",
    cost: 20_000,
    weight: 2,
    tier: 2,
    beta: true,
  },
  {
    key: "looping-flow:loop-preview",
    name: "Loop Preview",
    unit: "second",
    cost: 2_000,
    weight: 1,
    tier: 0,
    free: true,
  },
  {
    key: "looping-flow:loop-4k",
    name: "Loop 4K",
    unit: "second",
    cost: 120_000,
    weight: 8,
    tier: 3,
    beta: true,
  },
  {
    key: "chat:llama-3-8b",
    name: "Llama 3 8B",
    unit: "token",
    inPer1k: 50,
    outPer1k: 80,
    weight: 1,
    tier: 0,
    provider: "openai",
  },
  {
    key: "chat:gpt-4o-mini",
    name: "GPT-4o mini",
    unit: "token",
    inPer1k: 150,
    outPer1k: 600,
    weight: 1,
    tier: 0,
    provider: "openai",
  },
  {
    key: "chat:claude-sonnet",
    name: "Claude Sonnet",
    unit: "token",
    inPer1k: 3_000,
    outPer1k: 15_000,
    weight: 3,
    tier: 1,
    provider: "openai",
  },
  {
    key: "chat:gpt-4o",
    name: "GPT-4o",
    unit: "token",
    inPer1k: 2_500,
    outPer1k: 10_000,
    weight: 3,
    tier: 2,
    provider: "openai",
  },
];

const packs = [
  {
    code: "credits-10k",
    name: "10,000 credits",
    millicredits: credits(10_000),
    bonusMillicredits: 0n,
    priceCents: 1_000,
    sortOrder: 1,
  },
  {
    code: "credits-50k",
    name: "50,000 credits",
    millicredits: credits(50_000),
    bonusMillicredits: credits(2_500),
    priceCents: 5_000,
    sortOrder: 2,
  },
  {
    code: "credits-200k",
    name: "200,000 credits",
    millicredits: credits(200_000),
    bonusMillicredits: credits(20_000),
    priceCents: 20_000,
    sortOrder: 3,
  },
  {
    code: "credits-1m",
    name: "1,000,000 credits",
    millicredits: credits(1_000_000),
    bonusMillicredits: credits(150_000),
    priceCents: 100_000,
    sortOrder: 4,
  },
] satisfies Prisma.CreditPackCreateManyInput[];

/** The keys of what the starting catalog creates (the demo history can be priced with these only). */
export const SEEDED_MODEL_KEYS: readonly string[] = models.map((m) => m.key);
export const SEEDED_PACK_CODES: readonly string[] = packs.map((p) => p.code);

/**
 * Creates the starting catalog when there is none. Idempotent, and it never overwrites what an
 * admin has since edited: once any tier exists it does nothing.
 */
export async function seedCatalog(): Promise<boolean> {
  if ((await db.tier.count()) > 0) return false;
  await db.$transaction(async (tx) => {
    // A concurrent seed (two processes starting at once) waits here and then finds the catalog.
    await tx.$executeRaw`select pg_advisory_xact_lock(7283001)`;
    if ((await tx.tier.count()) > 0) return;
    await tx.tier.createMany({ data: tiers });
    const seeded = await tx.tier.findMany({ orderBy: { rank: "asc" } });
    for (const tier of seeded) await recordPlanVersion(tx, tier);
    const tierIds = seeded.map((t) => t.id);
    for (const [i, [key, name, category, kind, unit, values]] of features.entries()) {
      const feature = await tx.feature.create({ data: { key, name, category, kind, unit, sortOrder: i } });
      const cells = values.flatMap((v, t) =>
        v === false
          ? []
          : [{ tierId: tierIds[t], featureId: feature.id, limitValue: typeof v === "number" ? v : null }],
      );
      await tx.tierFeature.createMany({ data: cells });
    }
    for (const [i, [key, name, description]] of apps.entries())
      await tx.app.create({ data: { key, name, description, sortOrder: i } });
    const appIds = new Map((await tx.app.findMany()).map((a) => [a.key, a.id]));
    for (const [i, m] of models.entries()) {
      const model = await tx.model.create({
        data: {
          key: m.key,
          appId: appIds.get(m.key.split(":")[0])!,
          name: m.name,
          unit: m.unit,
          costPerUnitMicros: BigInt(m.cost ?? 0),
          inputCostPer1kMicros: BigInt(m.inPer1k ?? 0),
          outputCostPer1kMicros: BigInt(m.outPer1k ?? 0),
          quotaWeight: m.weight,
          beta: m.beta ?? false,
          free: m.free ?? false,
          provider: m.provider ?? null,
          sortOrder: i,
        },
      });
      // Higher tiers include everything lower tiers have.
      await tx.tierModel.createMany({
        data: tierIds.slice(m.tier).map((tierId) => ({ tierId, modelId: model.id })),
      });
    }
    await tx.creditPack.createMany({ data: packs });
  });
  return true;
}
