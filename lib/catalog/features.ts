import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { auditCatalog, catalogDelete, catalogWrite } from "./change";
import { featureKeyLock, refuseLockedKey } from "./key-locks";
import { AppError, NotFoundError } from "@/lib/errors";
import type { FeatureInput } from "./schemas";

export function listFeatures() {
  return db.feature.findMany({ orderBy: [{ category: "asc" }, { sortOrder: "asc" }, { name: "asc" }] });
}

export async function createFeature(actor: Actor, input: FeatureInput) {
  return catalogWrite("Another feature already uses that key.", async (tx) => {
    const feature = await tx.feature.create({ data: { ...input, unit: input.unit ?? null } });
    await auditCatalog(tx, actor, "feature.create", feature.id, { after: feature });
    return feature;
  });
}

export async function updateFeature(actor: Actor, id: string, input: FeatureInput) {
  return catalogWrite("Another feature already uses that key.", async (tx) => {
    const before = await tx.feature.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Feature");
    refuseLockedKey(input.key !== before.key, await featureKeyLock(tx, id));
    const feature = await tx.feature.update({
      where: { id },
      data: { ...input, unit: input.unit ?? null },
    });
    // A boolean feature has no limits; drop any left from when it was a limit.
    if (feature.kind === "boolean")
      await tx.tierFeature.updateMany({ where: { featureId: id }, data: { limitValue: null } });
    await auditCatalog(tx, actor, "feature.update", id, { before, after: feature });
    return feature;
  });
}

export function deleteFeature(actor: Actor, id: string) {
  return catalogDelete(actor, "feature.delete", id, "Feature", {
    find: (tx) => tx.feature.findUnique({ where: { id }, include: { tiers: true } }),
    remove: (tx) => tx.feature.delete({ where: { id } }),
  });
}

export type FeatureCell = { tierId: string; featureId: string; limitValue: number | null };

/**
 * Replaces the whole tier × feature matrix with exactly the ticked cells (a cell present means the
 * tier has the feature; limitValue null on a limit feature means unlimited).
 */
export async function saveFeatureMatrix(actor: Actor, cells: FeatureCell[]) {
  return db.$transaction(async (tx) => {
    const before = await tx.tierFeature.findMany({ orderBy: [{ tierId: "asc" }, { featureId: "asc" }] });
    const features = new Map((await tx.feature.findMany()).map((f) => [f.id, f]));
    const tiers = new Set((await tx.tier.findMany({ select: { id: true } })).map((t) => t.id));
    for (const c of cells) {
      if (!features.has(c.featureId) || !tiers.has(c.tierId))
        throw new AppError(
          "invalid_cell",
          "The matrix names a tier or feature that no longer exists. Reload and try again.",
        );
    }
    const data = cells.map((c) => ({
      ...c,
      limitValue: features.get(c.featureId)!.kind === "limit" ? c.limitValue : null,
    }));
    await tx.tierFeature.deleteMany({});
    await tx.tierFeature.createMany({ data });
    await recordAudit(tx, {
      actor,
      action: "tier_feature.save",
      targetType: "tier_feature_matrix",
      before,
      after: data,
    });
    return data.length;
  });
}
