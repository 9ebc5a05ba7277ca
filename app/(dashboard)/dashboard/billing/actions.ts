"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/auth/action";
import { cancellationSchema } from "@/lib/billing/cancellation";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import { EXPERIMENT_COOKIE } from "@/lib/experiments/cookie";
import { startSubscriptionCheckout } from "@/lib/payments/checkout";
import {
  cancelScheduledChange,
  changePlan,
  paymentMethodUrl,
  setCancelAtPeriodEnd,
} from "@/lib/payments/plans";
import { formatDate } from "@/lib/utils/format";
import { assertCan } from "@/lib/workspaces/permissions";

const interval = z.enum(["month", "year"]);
const coupon = z.string().trim().max(64, "Coupon codes are at most 64 characters.").optional();

const assertManagesBilling = (role: string, what = "change the plan") =>
  assertCan(role, "billing.manage", what);

export const choosePlanAction = userAction(
  z.object({ plan: z.string().min(1), interval, coupon }),
  async ({ plan, interval, coupon }, { user, workspace, role }) => {
    assertManagesBilling(role);
    const experimentCookie = (await cookies()).get(EXPERIMENT_COOKIE)?.value;
    const { url } = await startSubscriptionCheckout(
      { user, workspaceId: workspace.id, experimentCookie },
      plan,
      interval,
      coupon || undefined,
    );
    redirect(url);
  },
);

export const changePlanAction = userAction(
  z.object({ plan: z.string().min(1), interval }),
  async ({ plan, interval }, { user, workspace, role }) => {
    assertManagesBilling(role);
    const quote = await changePlan({ id: user.id, email: user.email }, workspace.id, plan, interval);
    revalidatePath("/dashboard/billing");
    const billed = `${quote.tier.name}, billed ${quote.interval === "year" ? "annually" : "monthly"}`;
    if (quote.when === "period_end")
      return { ok: true, message: `Scheduled: ${billed}, starts on ${formatDate(quote.effectiveAt)}.` };
    const credits =
      quote.grantMillicredits > 0n ? ` ${formatCredits(quote.grantMillicredits)} credits were added.` : "";
    return {
      ok: true,
      message: `You're now on ${billed}. ${formatCents(quote.chargeCents, quote.tier.currency)} was charged.${credits}`,
    };
  },
);

export const cancelScheduledChangeAction = userAction(
  z.object({}),
  async (_input, { user, workspace, role }) => {
    assertManagesBilling(role);
    await cancelScheduledChange({ id: user.id, email: user.email }, workspace.id);
    revalidatePath("/dashboard/billing");
    return { ok: true, message: "The scheduled change is cancelled; your plan renews as it is." };
  },
);

export const setCancelAction = userAction(
  cancellationSchema.extend({ cancel: z.enum(["yes", "no"]) }),
  async ({ cancel, ...why }, { user, workspace, role }) => {
    assertManagesBilling(role);
    await setCancelAtPeriodEnd({ id: user.id, email: user.email }, workspace.id, cancel === "yes", why);
    revalidatePath("/dashboard/billing");
    return {
      ok: true,
      message:
        cancel === "yes" ? "Your plan will end at the end of this period." : "Your plan will renew as usual.",
    };
  },
);

/** Stripe's Customer Portal (a fresh session each time) or the local payment method page. */
export const managePaymentMethodAction = userAction(z.object({}), async (_input, { workspace, role }) => {
  assertManagesBilling(role, "manage the payment method");
  redirect(await paymentMethodUrl(workspace.id));
});
