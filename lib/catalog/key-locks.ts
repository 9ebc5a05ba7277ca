import "server-only";
import { LIVE_STATUSES } from "@/lib/billing/subscriptions";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Catalog keys apps depend on — tier codes, feature keys, model keys (and the app key they start
// with) — are locked once something refers to them: a subscription names the tier, a plan grants
// the feature (apps check it through /entitlements/{key}), usage was recorded under the model. The
// forms show the field read-only with the reason; the writes below refuse a change all the same.

type Executor = Tx | typeof db;

/** Why a tier's code can no longer change, or null while nothing refers to it. */
export async function tierCodeLock(executor: Executor, tierId: string) {
  const subscriptions = await executor.subscription.count({
    where: { OR: [{ tierId }, { scheduledTierId: tierId }] },
  });
  if (!subscriptions) return null;
  const live = await executor.subscription.count({ where: { tierId, status: { in: [...LIVE_STATUSES] } } });
  return `Locked: ${subscriptions} subscription${subscriptions === 1 ? "" : "s"} (${live} live) refer to this tier, and apps and the API name it by its code.`;
}

/** Why a feature's key can no longer change, or null while no plan grants it. */
export async function featureKeyLock(executor: Executor, featureId: string) {
  const tiers = await executor.tierFeature.count({ where: { featureId } });
  if (!tiers) return null;
  return `Locked: ${tiers} tier${tiers === 1 ? " grants" : "s grant"} this feature, and apps check entitlements by its key.`;
}

/** Why a model's key can no longer change, or null while no usage was recorded under it. */
export async function modelKeyLock(executor: Executor, modelId: string) {
  const used = await executor.usageEvent.findFirst({ where: { modelId }, select: { id: true } });
  if (!used) return null;
  return "Locked: usage has been recorded under this model's key, and apps call the API with it.";
}

/** Why an app's key can no longer change: it starts the key of a model that is locked. */
export async function appKeyLock(executor: Executor, appId: string) {
  const models = await executor.model.findMany({ where: { appId }, select: { id: true } });
  const used = await executor.usageEvent.findFirst({
    where: { modelId: { in: models.map((m) => m.id) } },
    select: { id: true },
  });
  if (!used) return null;
  return "Locked: usage has been recorded under this app's model keys (app:model), and apps call the API with them.";
}

/** Refuses a key change that a lock forbids (409, shown under the form's key field). */
export function refuseLockedKey(changed: boolean, reason: string | null, field = "code") {
  if (changed && reason) throw new AppError("key_locked", reason, 409, { field });
}
