import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { catalogSnapshot, invalidateCatalogSnapshot } from "@/lib/metering/catalog-cache";
import { getPublicCatalog } from "./public";
import { requiredTier } from "./required-tier";

const tier = (
  id: string,
  rank: number,
  more: { isPublic?: boolean; archived?: boolean; created?: number } = {},
) => ({
  id,
  rank,
  isPublic: more.isPublic ?? true,
  archivedAt: more.archived ? new Date(0) : null,
  createdAt: new Date(more.created ?? 0),
});

describe("required tier: the one definition", () => {
  const tiers = [
    tier("comp", 0, { isPublic: false }),
    tier("legacy", 1, { archived: true }),
    tier("starter", 2),
    tier("pro", 3),
  ];

  it("is the lowest-ranked public, non-archived tier that has the model", () => {
    expect(requiredTier(["pro", "starter"], tiers)?.id).toBe("starter");
    expect(requiredTier(["comp", "legacy", "pro"], tiers)?.id).toBe("pro");
  });

  it("is null when only private or archived tiers have the model, or none does", () => {
    expect(requiredTier(["comp", "legacy"], tiers)).toBeNull();
    expect(requiredTier([], tiers)).toBeNull();
  });

  it("breaks a tie in rank by the older tier, as the pricing page orders them", () => {
    const tied = [tier("newer", 2, { created: 2 }), tier("older", 2, { created: 1 })];
    expect(requiredTier(["newer", "older"], tied)?.id).toBe("older");
  });
});

describe("required tier: the API and the pricing page", () => {
  const MODEL = "video-generator:veo-3";
  let created: string | null = null;
  afterEach(async () => {
    if (created) await db.tier.delete({ where: { id: created } });
    created = null;
    invalidateCatalogSnapshot();
  });

  it("agree, and a cheaper private tier with the model does not change the answer", async () => {
    const model = await db.model.findUniqueOrThrow({ where: { key: MODEL }, include: { tiers: true } });
    const comp = await db.tier.create({
      data: {
        code: `comp-${Date.now()}`,
        name: "Comp",
        monthlyPriceCents: 0,
        annualPriceCents: 0,
        rank: -1,
        isPublic: false,
        models: { create: { modelId: model.id } },
      },
    });
    created = comp.id;
    invalidateCatalogSnapshot();
    const api = (await catalogSnapshot()).models.get(MODEL)?.requiredTier;
    const pricing = (await getPublicCatalog()).apps.flatMap((a) => a.models).find((m) => m.key === MODEL);
    expect(api).not.toBe(comp.code);
    expect(api).toBe(pricing?.requiredTier);
    expect(api).not.toBeNull();
  });
});
