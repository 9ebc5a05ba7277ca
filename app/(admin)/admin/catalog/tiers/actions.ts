"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { tierSchema } from "@/lib/catalog/schemas";
import { createTier, setTierArchived, updateTier } from "@/lib/catalog/tiers";
import { moveSubscribersToCurrentVersion } from "@/lib/payments/plan-moves";
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

const moveSchema = z.object({
  id: z.string().min(1),
  noticeDays: z.coerce
    .number({ error: "Notice must be a number of days." })
    .int("Notice must be a whole number of days.")
    .min(0, "Notice cannot be negative.")
    .max(365, "Notice is at most 365 days."),
});

export const moveSubscribersAction = adminAction(moveSchema, async ({ id, noticeDays }, { admin }) => {
  const { moved, version, stripeKept } = await moveSubscribersToCurrentVersion(
    actorOf(admin),
    id,
    noticeDays,
  );
  refreshCatalog();
  const kept =
    stripeKept > 0
      ? ` ${stripeKept} Stripe ${stripeKept === 1 ? "subscription keeps" : "subscriptions keep"} its price for now.`
      : "";
  return {
    ok: true,
    message:
      (moved === 0
        ? "Every subscriber is already on, or moving to, the current version."
        : `${moved} ${moved === 1 ? "subscription moves" : "subscriptions move"} to version ${version} at renewal; their owners are emailed.`) +
      kept,
  };
});
