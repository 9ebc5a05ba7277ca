import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { recordPlanVersion } from "@/lib/billing/plan-versions";
import { db, type Tier, type Tx } from "@/lib/db";
import { AppError, NotFoundError, uniqueViolation } from "@/lib/errors";
import type { TierInput } from "./schemas";

function toRow(input: TierInput) {
  return {
    code: input.code,
    name: input.name,
    description: input.description,
    monthlyPriceCents: input.monthlyPrice,
    annualPriceCents: input.annualPrice,
    includedMillicredits: input.includedCredits,
    dailyQuotaUnits: input.dailyQuotaUnits,
    rateLimitPerMinute: input.rateLimitPerMinute,
    markupBps: input.markupPercent,
    rank: input.rank,
    isPublic: input.isPublic,
    mostPopular: input.mostPopular,
  };
}

// At most one tier carries the "Most popular" badge.
async function clearOtherMostPopular(tx: Tx, keepId: string) {
  await tx.tier.updateMany({
    where: { mostPopular: true, id: { not: keepId } },
    data: { mostPopular: false },
  });
}

/**
 * A new price, included credits or quota is a new plan version for new sales (audited with the
 * terms it replaces); existing subscribers keep theirs. Returns the tier pointing at its current version.
 */
async function versionTerms(tx: Tx, actor: Actor, tier: Tier): Promise<Tier> {
  const version = await recordPlanVersion(tx, tier);
  if (version.id === tier.currentPlanVersionId) return tier;
  const replaced = tier.currentPlanVersionId
    ? await tx.planVersion.findUnique({ where: { id: tier.currentPlanVersionId } })
    : null;
  await recordAudit(tx, {
    actor,
    action: "tier.version",
    targetType: "tier",
    targetId: tier.id,
    before: replaced,
    after: version,
  });
  return { ...tier, currentPlanVersionId: version.id };
}

export function listTiers(opts: { includeArchived?: boolean } = {}) {
  return db.tier.findMany({
    where: opts.includeArchived ? {} : { archivedAt: null },
    orderBy: [{ rank: "asc" }, { createdAt: "asc" }],
  });
}

export async function createTier(actor: Actor, input: TierInput) {
  return db
    .$transaction(async (tx) => {
      const tier = await versionTerms(tx, actor, await tx.tier.create({ data: toRow(input) }));
      if (tier.mostPopular) await clearOtherMostPopular(tx, tier.id);
      await recordAudit(tx, {
        actor,
        action: "tier.create",
        targetType: "tier",
        targetId: tier.id,
        after: tier,
      });
      return tier;
    })
    .catch(uniqueViolation("Another tier already uses that code."));
}

export async function updateTier(actor: Actor, id: string, input: TierInput) {
  return db
    .$transaction(async (tx) => {
      const before = await tx.tier.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("Tier");
      const tier = await versionTerms(tx, actor, await tx.tier.update({ where: { id }, data: toRow(input) }));
      if (tier.mostPopular) await clearOtherMostPopular(tx, tier.id);
      await recordAudit(tx, {
        actor,
        action: "tier.update",
        targetType: "tier",
        targetId: id,
        before,
        after: tier,
      });
      return tier;
    })
    .catch(uniqueViolation("Another tier already uses that code."));
}

/** Archived tiers leave the pricing page and can't be chosen; existing subscribers keep them. */
export async function setTierArchived(actor: Actor, id: string, archived: boolean) {
  return db.$transaction(async (tx) => {
    const before = await tx.tier.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Tier");
    if (archived && before.code === "free")
      throw new AppError("free_tier_required", "The free tier is the default plan and cannot be archived.");
    const tier = await tx.tier.update({
      where: { id },
      data: { archivedAt: archived ? new Date() : null, mostPopular: archived ? false : before.mostPopular },
    });
    await recordAudit(tx, {
      actor,
      action: archived ? "tier.archive" : "tier.unarchive",
      targetType: "tier",
      targetId: id,
      before,
      after: tier,
    });
    return tier;
  });
}
