import "server-only";
import { db } from "@/lib/db";
import { FREE_TIER_CODE } from "@/lib/billing/subscriptions";
import { ruleBook } from "@/lib/catalog/price-rules";
import { requiredTier } from "@/lib/catalog/required-tier";
import { getSettings } from "@/lib/settings/settings";
import { ttlCache } from "@/lib/utils/ttl-cache";

// The catalog the decision reads on every call, kept in memory for a few seconds: admin changes
// reach the API within CATALOG_TTL_MS without a catalog query per request.
const CATALOG_TTL_MS = 5_000;

async function load() {
  const [models, tiers, settings, priceRules] = await Promise.all([
    db.model.findMany({ include: { tiers: { select: { tierId: true } } } }),
    db.tier.findMany({ orderBy: { rank: "asc" }, include: { features: { include: { feature: true } } } }),
    getSettings(),
    db.priceRule.findMany(),
  ]);
  const tiersById = new Map(tiers.map((t) => [t.id, t]));
  return {
    models: new Map(
      models.map((m) => [
        m.key,
        {
          ...m,
          tierIds: new Set(m.tiers.map((t) => t.tierId)),
          requiredTier:
            requiredTier(
              m.tiers.map((t) => t.tierId),
              tiers,
            )?.code ?? null,
        },
      ]),
    ),
    tiersById,
    freeTier: tiers.find((t) => t.code === FREE_TIER_CODE) ?? tiers[0],
    settings,
    /** Dynamic pricing rules, every version (lib/catalog/price-rules.ts): resolved per call in memory. */
    rules: ruleBook(priceRules),
  };
}

const snapshots = ttlCache(() => load(), CATALOG_TTL_MS);

export const catalogSnapshot = () => snapshots.get("catalog");

/** Tests and admin actions in this process can drop the snapshot at once. */
export const invalidateCatalogSnapshot = () => snapshots.forget("catalog");
