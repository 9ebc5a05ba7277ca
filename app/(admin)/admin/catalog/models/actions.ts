"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
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
import { actorOf, refreshCatalog } from "../_lib/refresh";

const idSchema = z.object({ id: z.string().min(1) });

export const createAppAction = adminAction(keyFromCode(appSchema), async (input, { admin }) => {
  const app = await createApp(actorOf(admin), input);
  refreshCatalog();
  return { ok: true, message: `${app.name} added.` };
});

export const updateAppAction = adminAction(
  keyFromCode(appSchema.extend(idSchema.shape)),
  async ({ id, ...input }, { admin }) => {
    const app = await updateApp(actorOf(admin), id, input);
    refreshCatalog();
    return { ok: true, message: `${app.name} saved.` };
  },
);

export const deleteAppAction = adminAction(idSchema, async ({ id }, { admin }) => {
  await deleteApp(actorOf(admin), id);
  refreshCatalog();
  return { ok: true, message: "App deleted." };
});

export const createModelAction = adminAction(modelSchema, async (input, { admin }) => {
  const model = await createModel(actorOf(admin), input);
  refreshCatalog();
  redirect(`/admin/catalog/models/${model.id}?created=1`);
});

export const updateModelAction = adminAction(
  modelSchema.extend(idSchema.shape),
  async ({ id, ...input }, { admin }) => {
    const model = await updateModel(actorOf(admin), id, input);
    refreshCatalog();
    return { ok: true, message: `${model.key} saved.` };
  },
);

export const deleteModelAction = adminAction(idSchema, async ({ id }, { admin }) => {
  await deleteModel(actorOf(admin), id);
  refreshCatalog();
  redirect("/admin/catalog/models");
});

export const saveModelAccessAction = adminAction(modelAccessSchema, async (pairs, { admin }) => {
  await saveModelAccess(actorOf(admin), pairs);
  refreshCatalog();
  return { ok: true, message: "Saved." };
});
