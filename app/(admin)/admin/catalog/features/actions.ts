"use server";

import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { createFeature, deleteFeature, saveFeatureMatrix, updateFeature } from "@/lib/catalog/features";
import { featureSchema } from "@/lib/catalog/schemas";
import { featureMatrixSchema } from "../_lib/matrix-schemas";
import { keyFromCode } from "../_lib/rename-key";
import { actorOf, refreshCatalog } from "../_lib/refresh";

const idSchema = z.object({ id: z.string().min(1) });

export const createFeatureAction = adminAction(keyFromCode(featureSchema), async (input, { admin }) => {
  const feature = await createFeature(actorOf(admin), input);
  refreshCatalog();
  return { ok: true, message: `${feature.name} added. Tick it for tiers in the matrix below.` };
});

export const updateFeatureAction = adminAction(
  keyFromCode(featureSchema.extend(idSchema.shape)),
  async ({ id, ...input }, { admin }) => {
    const feature = await updateFeature(actorOf(admin), id, input);
    refreshCatalog();
    return { ok: true, message: `${feature.name} saved.` };
  },
);

export const deleteFeatureAction = adminAction(idSchema, async ({ id }, { admin }) => {
  await deleteFeature(actorOf(admin), id);
  refreshCatalog();
  return { ok: true, message: "Feature deleted." };
});

export const saveFeatureMatrixAction = adminAction(featureMatrixSchema, async (cells, { admin }) => {
  await saveFeatureMatrix(actorOf(admin), cells);
  refreshCatalog();
  return { ok: true, message: "Saved." };
});
