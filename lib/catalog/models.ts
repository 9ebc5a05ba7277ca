import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { auditCatalog, catalogDelete, catalogWrite } from "./change";
import { appKeyLock, modelKeyLock, refuseLockedKey } from "./key-locks";
import { AppError, NotFoundError } from "@/lib/errors";
import type { AppInput, ModelInput } from "./schemas";

export function listAppsWithModels() {
  return db.app.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    include: { models: { orderBy: [{ sortOrder: "asc" }, { name: "asc" }], include: { tiers: true } } },
  });
}

export async function createApp(actor: Actor, input: AppInput) {
  return catalogWrite("Another app already uses that key.", async (tx) => {
    const app = await tx.app.create({ data: input });
    await auditCatalog(tx, actor, "app.create", app.id, { after: app });
    return app;
  });
}

export async function updateApp(actor: Actor, id: string, input: AppInput) {
  return catalogWrite("Another app already uses that key.", async (tx) => {
    const before = await tx.app.findUnique({ where: { id }, include: { models: true } });
    if (!before) throw new NotFoundError("App");
    refuseLockedKey(input.key !== before.key, await appKeyLock(tx, id));
    const app = await tx.app.update({ where: { id }, data: input });
    // Model keys are "app:model"; renaming the app renames its models' keys with it.
    for (const m of before.models)
      await tx.model.update({ where: { id: m.id }, data: { key: `${app.key}:${m.key.split(":")[1]}` } });
    await auditCatalog(tx, actor, "app.update", id, { before, after: app });
    return app;
  });
}

export function deleteApp(actor: Actor, id: string) {
  return catalogDelete(actor, "app.delete", id, "App", {
    find: (tx) => tx.app.findUnique({ where: { id }, include: { models: true } }),
    check: (app) => {
      if (app.models.length) throw new AppError("app_has_models", "Delete or move this app's models first.");
    },
    remove: (tx) => tx.app.delete({ where: { id } }),
  });
}

const priceFields = [
  "unit",
  "costPerUnitMicros",
  "inputCostPer1kMicros",
  "outputCostPer1kMicros",
  "free",
  "markupOverrideBps",
] as const;

function toRow(input: ModelInput, appKey: string) {
  return {
    appId: input.appId,
    key: `${appKey}:${input.slug}`,
    name: input.name,
    description: input.description,
    unit: input.unit,
    costPerUnitMicros: input.costPerUnitMicros,
    inputCostPer1kMicros: input.inputCostPer1kMicros,
    outputCostPer1kMicros: input.outputCostPer1kMicros,
    quotaWeight: input.quotaWeight,
    free: input.free,
    beta: input.beta,
    enabled: input.enabled,
    markupOverrideBps: input.markupOverridePercent,
    provider: input.provider ?? null,
    sortOrder: input.sortOrder,
  };
}

export async function createModel(actor: Actor, input: ModelInput) {
  return catalogWrite("Another model in this app already uses that key.", async (tx) => {
    const app = await tx.app.findUnique({ where: { id: input.appId } });
    if (!app) throw new NotFoundError("App");
    const model = await tx.model.create({ data: toRow(input, app.key) });
    await auditCatalog(tx, actor, "model.create", model.id, { after: model });
    return model;
  });
}

/** Any change to what a call costs bumps the model's price version, recorded with each charge. */
export async function updateModel(actor: Actor, id: string, input: ModelInput) {
  return catalogWrite("Another model in this app already uses that key.", async (tx) => {
    const before = await tx.model.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Model");
    const app = await tx.app.findUnique({ where: { id: input.appId } });
    if (!app) throw new NotFoundError("App");
    const row = toRow(input, app.key);
    refuseLockedKey(row.key !== before.key, await modelKeyLock(tx, id), "slug");
    const priceChanged = priceFields.some((f) => String(before[f]) !== String(row[f]));
    const model = await tx.model.update({
      where: { id },
      data: { ...row, priceVersion: before.priceVersion + (priceChanged ? 1 : 0) },
    });
    await auditCatalog(tx, actor, "model.update", id, { before, after: model });
    return model;
  });
}

export function deleteModel(actor: Actor, id: string) {
  return catalogDelete(actor, "model.delete", id, "Model", {
    find: (tx) => tx.model.findUnique({ where: { id }, include: { tiers: true } }),
    remove: (tx) => tx.model.delete({ where: { id } }),
  });
}

/** Replaces the tier × model access table with exactly the ticked pairs. */
export async function saveModelAccess(actor: Actor, pairs: { tierId: string; modelId: string }[]) {
  return db.$transaction(async (tx) => {
    const before = await tx.tierModel.findMany({ orderBy: [{ tierId: "asc" }, { modelId: "asc" }] });
    const tiers = new Set((await tx.tier.findMany({ select: { id: true } })).map((t) => t.id));
    const models = new Set((await tx.model.findMany({ select: { id: true } })).map((m) => m.id));
    if (pairs.some((p) => !tiers.has(p.tierId) || !models.has(p.modelId))) {
      throw new AppError(
        "invalid_cell",
        "The matrix names a tier or model that no longer exists. Reload and try again.",
      );
    }
    await tx.tierModel.deleteMany({});
    await tx.tierModel.createMany({ data: pairs, skipDuplicates: true });
    await recordAudit(tx, {
      actor,
      action: "tier_model.save",
      targetType: "tier_model_matrix",
      before,
      after: pairs,
    });
    return pairs.length;
  });
}
