"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import {
  createApp,
  createModel,
  deleteApp,
  deleteModel,
  saveModelAccess,
  updateApp,
  updateModel,
} from "@/lib/catalog/models";
import { appSchema, modelSchema } from "@/lib/catalog/schemas";
import { modelAccessSchema } from "../_lib/matrix-schemas";
import { keyFromCode } from "../_lib/rename-key";
import { catalogAction } from "../_lib/refresh";

const idSchema = z.object({ id: z.string().min(1) });

export const createAppAction = catalogAction(
  keyFromCode(appSchema),
  (input, actor) => createApp(actor, input),
  (app) => ({ ok: true, message: `${app.name} added.` }),
);

export const updateAppAction = catalogAction(
  keyFromCode(appSchema.extend(idSchema.shape)),
  ({ id, ...input }, actor) => updateApp(actor, id, input),
  (app) => ({ ok: true, message: `${app.name} saved.` }),
);

export const deleteAppAction = catalogAction(
  idSchema,
  ({ id }, actor) => deleteApp(actor, id),
  () => ({ ok: true, message: "App deleted." }),
);

export const createModelAction = catalogAction(
  modelSchema,
  (input, actor) => createModel(actor, input),
  (model) => redirect(`/admin/catalog/models/${model.id}?created=1`),
);

export const updateModelAction = catalogAction(
  modelSchema.extend(idSchema.shape),
  ({ id, ...input }, actor) => updateModel(actor, id, input),
  (model) => ({ ok: true, message: `${model.key} saved.` }),
);

export const deleteModelAction = catalogAction(
  idSchema,
  ({ id }, actor) => deleteModel(actor, id),
  () => redirect("/admin/catalog/models"),
);

export const saveModelAccessAction = catalogAction(
  modelAccessSchema,
  (pairs, actor) => saveModelAccess(actor, pairs),
  () => ({ ok: true, message: "Saved." }),
);
