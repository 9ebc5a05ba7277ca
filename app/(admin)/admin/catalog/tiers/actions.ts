"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { tierSchema } from "@/lib/catalog/schemas";
import { createTier, setTierArchived, updateTier } from "@/lib/catalog/tiers";
import { actorOf, refreshCatalog } from "../_lib/refresh";

export const createTierAction = adminAction(tierSchema, async (input, { admin }) => {
  const tier = await createTier(actorOf(admin), input);
  refreshCatalog();
  redirect(`/admin/catalog/tiers/${tier.id}?created=1`);
});

export const updateTierAction = adminAction(
  tierSchema.extend({ id: z.string().min(1) }),
  async ({ id, ...input }, { admin }) => {
    const tier = await updateTier(actorOf(admin), id, input);
    refreshCatalog();
    return { ok: true, message: `${tier.name} saved.` };
  },
);

const archiveSchema = z.object({
  id: z.string().min(1),
  archived: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const setTierArchivedAction = adminAction(archiveSchema, async ({ id, archived }, { admin }) => {
  const tier = await setTierArchived(actorOf(admin), id, archived);
  refreshCatalog();
  return { ok: true, message: archived ? `${tier.name} archived.` : `${tier.name} restored.` };
});
