import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { recordPlanVersion, sameTerms, termsOf } from "@/lib/billing/plan-versions";
import { LIVE_STATUSES } from "@/lib/billing/subscriptions";
import { db, type Tier, type Tx } from "@/lib/db";
import { AppError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { refuseLockedKey, tierCodeLock } from "./key-locks";
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

/**
 * At most one tier carries the "Most popular" badge: ticking it on one moves it from the other.
 * Returns the tier it moved from (named in the admin's answer and the audit), if any.
 */
async function moveMostPopular(tx: Tx, to: Tier) {
  if (!to.mostPopular) return null;
  const from = await tx.tier.findFirst({ where: { mostPopular: true, id: { not: to.id } } });
  if (!from) return null;
  await tx.tier.update({ where: { id: from.id }, data: { mostPopular: false } });
  return from;
}

const rankTaken = (rank: number, name: string) =>
  new AppError(
    "rank_taken",
    `Rank ${rank} is already ${name}'s. Ranks are unique: they decide upgrade vs downgrade.`,
    409,
    { field: "rank" },
  );

/** Ranks are unique (a DB constraint too): a clear refusal naming the tier that has it. */
async function checkRank(tx: Tx, rank: number, id?: string) {
  const holder = await tx.tier.findFirst({ where: { rank, ...(id ? { id: { not: id } } : {}) } });
  if (holder) throw rankTaken(rank, holder.name);
}

/** A clash the checks above did not see (two saves at once): the code or the rank, by the constraint named. */
function tierUniqueViolation(input: TierInput) {
  return (e: unknown): never => {
    if (!isUniqueViolation(e)) throw e;
    if (JSON.stringify((e as { meta?: unknown }).meta ?? {}).includes("rank"))
      throw rankTaken(input.rank, "another tier");
    throw new AppError("already_exists", "Another tier already uses that code.", 409, { field: "code" });
  };
}

/** Live subscriptions on a tier: who a price edit may affect. */
export const activeSubscriberCount = (tierId: string) =>
  db.subscription.count({ where: { tierId, status: { in: [...LIVE_STATUSES] } } });

/** Whether saving `input` changes the tier's versioned terms (price, included credits, quota): a new plan version. */
export async function changesTerms(id: string, input: TierInput) {
  const tier = await db.tier.findUnique({ where: { id } });
  return Boolean(tier) && !sameTerms(termsOf(tier!), termsOf({ ...tier!, ...toRow(input) }));
}

/**
 * A tier is on sale (listed on /pricing, purchasable) when it is public, not archived and has at
 * least one model; a public tier without models is a draft. The Prisma filter, for every query that sells.
 */
export const onSaleTierWhere = { archivedAt: null, isPublic: true, models: { some: {} } } as const;

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
    include: { _count: { select: { models: true } } },
  });
}

export async function createTier(actor: Actor, input: TierInput) {
  return db
    .$transaction(async (tx) => {
      await checkRank(tx, input.rank);
      const tier = await versionTerms(tx, actor, await tx.tier.create({ data: toRow(input) }));
      const popularFrom = await moveMostPopular(tx, tier);
      await recordAudit(tx, {
        actor,
        action: "tier.create",
        targetType: "tier",
        targetId: tier.id,
        after: { ...tier, ...(popularFrom ? { mostPopularMovedFrom: popularFrom.code } : {}) },
      });
      return { ...tier, popularFrom };
    })
    .catch(tierUniqueViolation(input));
}

export async function updateTier(actor: Actor, id: string, input: TierInput) {
  return db
    .$transaction(async (tx) => {
      const before = await tx.tier.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("Tier");
      refuseLockedKey(input.code !== before.code, await tierCodeLock(tx, id));
      await checkRank(tx, input.rank, id);
      const tier = await versionTerms(tx, actor, await tx.tier.update({ where: { id }, data: toRow(input) }));
      const popularFrom = await moveMostPopular(tx, tier);
      await recordAudit(tx, {
        actor,
        action: "tier.update",
        targetType: "tier",
        targetId: id,
        before,
        after: { ...tier, ...(popularFrom ? { mostPopularMovedFrom: popularFrom.code } : {}) },
      });
      return { ...tier, popularFrom };
    })
    .catch(tierUniqueViolation(input));
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
    // Archiving the popular tier leaves none; the admin is told so.
    return { ...tier, wasMostPopular: archived && before.mostPopular };
  });
}

/** What a tier's form warns about (see TierForm): a locked code, draft status, subscribers, the badge's holder. */
export async function tierGuard(tierId: string | null) {
  const [codeLock, modelCount, subscribers, popular] = await Promise.all([
    tierId ? tierCodeLock(db, tierId) : null,
    tierId ? db.tierModel.count({ where: { tierId } }) : 0,
    tierId ? activeSubscriberCount(tierId) : 0,
    db.tier.findFirst({ where: { mostPopular: true, ...(tierId ? { id: { not: tierId } } : {}) } }),
  ]);
  return { codeLock, modelCount, subscribers, popularTier: popular?.name ?? null };
}
