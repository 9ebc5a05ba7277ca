"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/auth/action";
import { liveSubscription } from "@/lib/billing/subscriptions";
import { retryPastDueRenewal } from "@/lib/payments/billing-clock";
import { cardFields, saveLocalCard } from "@/lib/payments/cards";
import { assertCan } from "@/lib/workspaces/permissions";

export const saveCardAction = userAction(cardFields, async (card, { workspace, role }) => {
  assertCan(role, "billing.manage", "manage the payment method");
  const saved = await saveLocalCard(workspace.id, card);
  // A past-due local plan is charged again at once rather than waiting for the grace period to run out.
  const retried = await retryPastDueRenewal(workspace.id);
  const stillPastDue = retried && (await liveSubscription(workspace.id))?.status === "past_due";
  revalidatePath("/dashboard/billing", "layout");
  const outcome = !retried
    ? ""
    : stillPastDue
      ? " Your unpaid renewal was declined again; try another card."
      : " Your unpaid renewal was charged.";
  return { ok: true, message: `Card ending ${saved.last4} saved.${outcome}` };
});
