"use server";

import { z } from "zod";
import { createFeature, deleteFeature, saveFeatureMatrix, updateFeature } from "@/lib/catalog/features";
import { featureSchema } from "@/lib/catalog/schemas";
import { featureMatrixSchema } from "../_lib/matrix-schemas";
import { keyFromCode } from "../_lib/rename-key";
import { catalogAction } from "../_lib/refresh";

const idSchema = z.object({ id: z.string().min(1) });

export const createFeatureAction = catalogAction(
  keyFromCode(featureSchema),
  (input, actor) => createFeature(actor, input),
  (feature) => ({ ok: true, message: `${feature.name} added. Tick it for tiers in the matrix below.` }),
);

export const updateFeatureAction = catalogAction(
  keyFromCode(featureSchema.extend(idSchema.shape)),
  ({ id, ...input }, actor) => updateFeature(actor, id, input),
  (feature) => ({ ok: true, message: `${feature.name} saved.` }),
);

export const deleteFeatureAction = catalogAction(
  idSchema,
  ({ id }, actor) => deleteFeature(actor, id),
  () => ({ ok: true, message: "Feature deleted." }),
);

export const saveFeatureMatrixAction = catalogAction(
  featureMatrixSchema,
  (cells, actor) => saveFeatureMatrix(actor, cells),
  () => ({ ok: true, message: "Saved." }),
);
