import "server-only";
import { effectivePlan } from "@/lib/billing/subscriptions";
import { db } from "@/lib/db";
import { modelsForTier } from "./account";
import { catalogSnapshot } from "./catalog-cache";

// The dashboard's Models page: the same list /api/v1/models answers for the workspace's plan (same
// snapshot, same prices after markup, same "required tier"), with the names a person reads.

export type WorkspaceModel = ReturnType<typeof modelsForTier>[number] & {
  appName: string;
  /** The tier that unlocks a model this plan lacks; null when no plan for sale has it. */
  unlockTier: { code: string; name: string; rank: number } | null;
};

export async function workspaceModels(workspaceId: string) {
  const [catalog, { tier, subscription }, apps] = await Promise.all([
    catalogSnapshot(),
    effectivePlan(workspaceId),
    db.app.findMany({ select: { id: true, name: true } }),
  ]);
  const current = catalog.tiersById.get(tier.id) ?? catalog.freeTier;
  const tierByCode = new Map([...catalog.tiersById.values()].map((t) => [t.code, t]));
  const appName = new Map(apps.map((a) => [a.id, a.name]));
  const models: WorkspaceModel[] = modelsForTier(catalog, current).map((m) => {
    const unlock = m.requiredTier ? tierByCode.get(m.requiredTier) : undefined;
    return {
      ...m,
      appName: appName.get(catalog.models.get(m.model)?.appId ?? "") ?? "",
      unlockTier: unlock ? { code: unlock.code, name: unlock.name, rank: unlock.rank } : null,
    };
  });
  return { tier: current, interval: subscription?.interval ?? ("month" as const), models };
}
