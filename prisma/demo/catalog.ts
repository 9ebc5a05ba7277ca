import { getSettings } from "@/lib/settings/settings";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { SEEDED_MODEL_KEYS, SEEDED_PACK_CODES } from "../seed-catalog";
import type { DemoCatalog, DemoTier } from "./types";

// What the demo history is priced with: the tiers, models, access matrix, markups and packs as they
// are in the database (an admin may have edited the seeded catalog). When the standard paid plans
// exist, the demo sells those (tiers an admin added later do not reshuffle the demo's plan mix).
// `seededOnly` leaves out models and packs the starting catalog did not create, so the same anchor
// and seed give the same history however many rows were added since (the tests rely on it).

const STANDARD_PAID_TIERS = ["starter", "pro", "enterprise"];

function toTier(t: {
  id: string;
  code: string;
  name: string;
  rank: number;
  monthlyPriceCents: number;
  annualPriceCents: number;
  currency: string;
  includedMillicredits: bigint;
  dailyQuotaUnits: number;
  markupBps: number | null;
}): DemoTier {
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    rank: t.rank,
    monthlyPriceCents: t.monthlyPriceCents,
    annualPriceCents: t.annualPriceCents,
    currency: t.currency,
    includedMillicredits: t.includedMillicredits,
    dailyQuotaUnits: t.dailyQuotaUnits,
    markupBps: t.markupBps,
  };
}

export async function loadDemoCatalog({ seededOnly = false } = {}): Promise<DemoCatalog> {
  const [tiers, models, packs, settings, admins] = await Promise.all([
    db.tier.findMany({ where: { archivedAt: null }, orderBy: [{ rank: "asc" }, { code: "asc" }] }),
    db.model.findMany({
      where: { enabled: true, ...(seededOnly && { key: { in: [...SEEDED_MODEL_KEYS] } }) },
      include: { app: true, tiers: true },
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    }),
    db.creditPack.findMany({
      where: { active: true, ...(seededOnly && { code: { in: [...SEEDED_PACK_CODES] } }) },
      orderBy: [{ priceCents: "asc" }, { code: "asc" }],
    }),
    getSettings(),
    db.user.findMany({
      where: { role: "admin" },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true },
    }),
  ]);
  const free = tiers.find((t) => t.code === "free") ?? tiers.find((t) => t.monthlyPriceCents === 0);
  if (!free) throw new Error("The demo needs a free tier; run the catalog seed first.");
  const paid = tiers.filter((t) => t.isPublic && t.monthlyPriceCents > 0);
  const standard = paid.filter((t) => STANDARD_PAID_TIERS.includes(t.code));
  const paidTiers = (standard.length === STANDARD_PAID_TIERS.length ? standard : paid).map(toTier);
  const admin = admins.find((a) => a.email === env.SEED_ADMIN_EMAIL) ?? admins[0];
  if (!paidTiers.length) throw new Error("The demo needs at least one paid public tier.");
  if (!packs.length) throw new Error("The demo needs at least one active credit pack.");
  return {
    freeTier: toTier(free),
    paidTiers,
    models: models.map((m) => ({
      id: m.id,
      key: m.key,
      appKey: m.app.key,
      unit: m.unit,
      costPerUnitMicros: m.costPerUnitMicros,
      inputCostPer1kMicros: m.inputCostPer1kMicros,
      outputCostPer1kMicros: m.outputCostPer1kMicros,
      free: m.free,
      markupOverrideBps: m.markupOverrideBps,
      priceVersion: m.priceVersion,
      quotaWeight: m.quotaWeight,
      tierIds: m.tiers.map((t) => t.tierId).sort(),
    })),
    packs: packs.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      millicredits: p.millicredits,
      bonusMillicredits: p.bonusMillicredits,
      priceCents: p.priceCents,
      currency: p.currency,
    })),
    settings: {
      defaultMarkupBps: settings.defaultMarkupBps,
      rolloverPercent: settings.rolloverPercent,
      paymentGraceDays: settings.paymentGraceDays,
      referralReferrerMillicredits: settings.referralReferrerMillicredits,
      referralNewUserMillicredits: settings.referralNewUserMillicredits,
    },
    adminId: admin?.id ?? null,
  };
}
