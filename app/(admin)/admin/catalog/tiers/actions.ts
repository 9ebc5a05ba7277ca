"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { AppError } from "@/lib/errors";
import { tierSchema } from "@/lib/catalog/schemas";
import {
  activeSubscriberCount,
  changesTerms,
  createTier,
  setTierArchived,
  updateTier,
} from "@/lib/catalog/tiers";
import { moveSubscribersToCurrentVersion } from "@/lib/payments/plan-moves";
import { actorOf, refreshCatalog } from "../_lib/refresh";

export const createTierAction = adminAction(tierSchema, async (input, { admin }) => {
  const tier = await createTier(actorOf(admin), input);
  refreshCatalog();
  const moved = tier.popularFrom ? `&popularFrom=${encodeURIComponent(tier.popularFrom.name)}` : "";
  redirect(`/admin/catalog/tiers/${tier.id}?created=1${moved}`);
});

const popularMoved = (tier: { name: string; mostPopular: boolean; popularFrom: { name: string } | null }) =>
  tier.popularFrom ? ` Most popular moved from ${tier.popularFrom.name} to ${tier.name}.` : "";

/** Days of notice before existing subscribers move to a new price (at their first renewal after it). */
const MOVE_NOTICE_DAYS = 30;

export const updateTierAction = adminAction(
  tierSchema.extend({
    id: z.string().min(1),
    // With live subscribers, a new price, included credits or quota asks who gets it.
    priceChange: z.enum(["new_sales", "move_existing"]).optional(),
  }),
  async ({ id, priceChange, ...input }, { admin }) => {
    const [termsChange, subscribers] = await Promise.all([
      changesTerms(id, input),
      activeSubscriberCount(id),
    ]);
    // Thrown, so the form keeps what was typed and shows the choice again.
    if (termsChange && subscribers > 0 && !priceChange)
      throw new AppError(
        "price_change_unanswered",
        `${subscribers} active subscriber${subscribers === 1 ? " is" : "s are"} on this tier: choose "New sales only" or "Move existing subscribers".`,
        409,
        { field: "priceChange" },
      );
    const tier = await updateTier(actorOf(admin), id, input);
    let moved = "";
    if (termsChange && priceChange === "move_existing") {
      const result = await moveSubscribersToCurrentVersion(actorOf(admin), id, MOVE_NOTICE_DAYS);
      moved = ` ${result.moved} subscription${result.moved === 1 ? " moves" : "s move"} to the new terms at the first renewal at least ${MOVE_NOTICE_DAYS} days away; owners are emailed.${result.stripeKept ? ` ${result.stripeKept} Stripe subscription(s) keep their price for now.` : ""}`;
    } else if (termsChange && subscribers > 0)
      moved = " Existing subscribers keep their terms; new sales get the new ones.";
    refreshCatalog();
    return { ok: true, message: `${tier.name} saved.${moved}${popularMoved(tier)}` };
  },
);

const archiveSchema = z.object({
  id: z.string().min(1),
  archived: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const setTierArchivedAction = adminAction(archiveSchema, async ({ id, archived }, { admin }) => {
  const tier = await setTierArchived(actorOf(admin), id, archived);
  refreshCatalog();
  if (!archived) return { ok: true, message: `${tier.name} restored.` };
  return {
    ok: true,
    message: tier.wasMostPopular
      ? `${tier.name} archived. It was Most popular: no tier carries the badge now; tick it on another tier if you want one.`
      : `${tier.name} archived.`,
  };
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
