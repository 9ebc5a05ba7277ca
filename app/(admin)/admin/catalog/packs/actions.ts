"use server";

import { z } from "zod";
import { createCreditPack, deleteCreditPack, updateCreditPack } from "@/lib/catalog/packs";
import { creditPackSchema } from "@/lib/catalog/schemas";
import { catalogAction } from "../_lib/refresh";

const idSchema = z.object({ id: z.string().min(1) });

export const createCreditPackAction = catalogAction(
  creditPackSchema,
  (input, actor) => createCreditPack(actor, input),
  (pack) => ({ ok: true, message: `${pack.name} added.` }),
);

export const updateCreditPackAction = catalogAction(
  creditPackSchema.extend(idSchema.shape),
  ({ id, ...input }, actor) => updateCreditPack(actor, id, input),
  (pack) => ({ ok: true, message: `${pack.name} saved.` }),
);

export const deleteCreditPackAction = catalogAction(
  idSchema,
  ({ id }, actor) => deleteCreditPack(actor, id),
  () => ({ ok: true, message: "Credit pack deleted." }),
);
