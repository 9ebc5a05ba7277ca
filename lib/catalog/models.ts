import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { AppError, NotFoundError, uniqueViolation } from "@/lib/errors";
import type { AppInput, ModelInput } from "./schemas";

export function listAppsWithModels() {
  return db.app.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    include: { models: { orderBy: [{ sortOrder: "asc" }, { name: "asc" }], include: { tiers: true } } },
  });
}

export async function createApp(actor: Actor, input: AppInput) {
  return db
    .$transaction(async (tx) => {
      const app = await tx.app.create({ data: input });
      await recordAudit(tx, { actor, action: "app.create", targetType: "app", targetId: app.id, after: app });
      return app;
    })
    .catch(uniqueViolation("Another app already uses that key."));
}

export async function updateApp(actor: Actor, id: string, input: AppInput) {
  return db
    .$transaction(async (tx) => {
      const before = await tx.app.findUnique({ where: { id }, include: { models: true } });
      if (!before) throw new NotFoundError("App");
      const app = await tx.app.update({ where: { id }, data: input });
      // Model keys are "app:model"; renaming the app renames its models' keys with it.
      for (const m of before.models)
        await tx.model.update({ where: { id: m.id }, data: { key: `${app.key}:${m.key.split(":")[1]}` } });
      await recordAudit(tx, {
        actor,
        action: "app.update",
        targetType: "app",
        targetId: id,
        before,
        after: app,
      });
      return app;
    })
    .catch(uniqueViolation("Another app already uses that key."));
}

export async function deleteApp(actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.app.findUnique({ where: { id }, include: { models: true } });
    if (!before) throw new NotFoundError("App");
    if (before.models.length) throw new AppError("app_has_models", "Delete or move this app's models first.");
    await tx.app.delete({ where: { id } });
    await recordAudit(tx, { actor, action: "app.delete", targetType: "app", targetId: id, before });
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
  return db
    .$transaction(async (tx) => {
      const app = await tx.app.findUnique({ where: { id: input.appId } });
      if (!app) throw new NotFoundError("App");
      const model = await tx.model.create({ data: toRow(input, app.key) });
      await recordAudit(tx, {
        actor,
        action: "model.create",
        targetType: "model",
        targetId: model.id,
        after: model,
      });
      return model;
    })
    .catch(uniqueViolation("Another model in this app already uses that key."));
}

/** Any change to what a call costs bumps the model's price version, recorded with each charge. */
export async function updateModel(actor: Actor, id: string, input: ModelInput) {
  return db
    .$transaction(async (tx) => {
      const before = await tx.model.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("Model");
      const app = await tx.app.findUnique({ where: { id: input.appId } });
      if (!app) throw new NotFoundError("App");
      const row = toRow(input, app.key);
      const priceChanged = priceFields.some((f) => String(before[f]) !== String(row[f]));
      const model = await tx.model.update({
        where: { id },
        data: { ...row, priceVersion: before.priceVersion + (priceChanged ? 1 : 0) },
      });
      await recordAudit(tx, {
        actor,
        action: "model.update",
        targetType: "model",
        targetId: id,
        before,
        after: model,
      });
      return model;
    })
    .catch(uniqueViolation("Another model in this app already uses that key."));
}

export async function deleteModel(actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.model.findUnique({ where: { id }, include: { tiers: true } });
    if (!before) throw new NotFoundError("Model");
    await tx.model.delete({ where: { id } });
    await recordAudit(tx, { actor, action: "model.delete", targetType: "model", targetId: id, before });
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
