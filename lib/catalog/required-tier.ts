// "Required tier", once: the API's requiredTier (model list and model_not_allowed), the pricing page
// and the admin models page all ask here. It names what a customer can actually buy to use a model:
// the lowest-ranked tier that is public and not archived and has the model (SPEC §2, "the lowest
// tier that has a model"). Private tiers (comp plans) and archived ones are never offered, so they
// never count; null when no purchasable tier has the model.

type TierLike = { id: string; rank: number; isPublic: boolean; archivedAt: Date | null; createdAt?: Date };

/** Whether customers can buy this tier (listed on the pricing page). */
export const isPurchasableTier = (tier: Pick<TierLike, "isPublic" | "archivedAt">) =>
  tier.isPublic && !tier.archivedAt;

/** The lowest purchasable tier among `tiers` that is one of `modelTierIds` (ties: the older tier). */
export function requiredTier<T extends TierLike>(
  modelTierIds: Iterable<string>,
  tiers: readonly T[],
): T | null {
  const ids = new Set(modelTierIds);
  let best: T | null = null;
  for (const t of tiers) {
    if (!ids.has(t.id) || !isPurchasableTier(t)) continue;
    if (
      !best ||
      t.rank < best.rank ||
      (t.rank === best.rank && (t.createdAt?.getTime() ?? 0) < (best.createdAt?.getTime() ?? 0))
    )
      best = t;
  }
  return best;
}
