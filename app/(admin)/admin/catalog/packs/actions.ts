"use server";

import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { createCreditPack, deleteCreditPack, updateCreditPack } from "@/lib/catalog/packs";
import { creditPackSchema } from "@/lib/catalog/schemas";
import { actorOf, refreshCatalog } from "../_lib/refresh";

const idSchema = z.object({ id: z.string().min(1) });

export const createCreditPackAction = adminAction(creditPackSchema, async (input, { admin }) => {
  const pack = await createCreditPack(actorOf(admin), input);
  refreshCatalog();
  return { ok: true, message: `${pack.name} added.` };
});

export const updateCreditPackAction = adminAction(
  creditPackSchema.extend(idSchema.shape),
  async ({ id, ...input }, { admin }) => {
    const pack = await updateCreditPack(actorOf(admin), id, input);
    refreshCatalog();
    return { ok: true, message: `${pack.name} saved.` };
  },
);

export const deleteCreditPackAction = adminAction(idSchema, async ({ id }, { admin }) => {
  await deleteCreditPack(actorOf(admin), id);
  refreshCatalog();
  return { ok: true, message: "Credit pack deleted." };
});
