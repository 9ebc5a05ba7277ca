"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/auth/action";
import { ForbiddenError } from "@/lib/errors";
import { startSubscriptionCheckout } from "@/lib/payments/checkout";
import { setCancelAtPeriodEnd } from "@/lib/payments/plans";

export const choosePlanAction = userAction(
  z.object({ plan: z.string().min(1), interval: z.enum(["month", "year"]) }),
  async ({ plan, interval }, { user, workspace, role }) => {
    if (role !== "owner" && role !== "admin" && role !== "billing") throw new ForbiddenError("Only owners, admins and billing members change the plan.");
    const { url } = await startSubscriptionCheckout({ user, workspaceId: workspace.id }, plan, interval);
    redirect(url);
  },
);

export const setCancelAction = userAction(z.object({ cancel: z.enum(["yes", "no"]) }), async ({ cancel }, { user, workspace, role }) => {
  if (role !== "owner" && role !== "admin" && role !== "billing") throw new ForbiddenError("Only owners, admins and billing members change the plan.");
  await setCancelAtPeriodEnd({ id: user.id, email: user.email }, workspace.id, cancel === "yes");
  revalidatePath("/dashboard/billing");
  return { ok: true, message: cancel === "yes" ? "Your plan will end at the end of this period." : "Your plan will renew as usual." };
});
