"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/auth/action";
import { redeemCoupon } from "@/lib/billing/coupons";
import { formatCredits } from "@/lib/catalog/money";
import { saveAutoTopUp } from "@/lib/billing/auto-top-up";
import { payPackWithSavedCard } from "@/lib/payments/saved-card";
import { startCreditPackCheckout } from "@/lib/payments/checkout";
import { assertCan } from "@/lib/workspaces/permissions";

export const buyCreditPackAction = userAction(
  z.object({
    pack: z.string().min(1),
    coupon: z.string().trim().max(64, "Coupon codes are at most 64 characters.").optional(),
  }),
  async ({ pack, coupon }, { user, workspace, role }) => {
    assertCan(role, "billing.manage", "buy credits");
    const { url } = await startCreditPackCheckout(
      { user, workspaceId: workspace.id },
      pack,
      coupon || undefined,
    );
    redirect(url);
  },
);

export const redeemCouponAction = userAction(
  z.object({ code: z.string().trim().min(1, "Enter a coupon code.") }),
  async ({ code }, { user, workspace, role }) => {
    assertCan(role, "billing.manage", "redeem coupons");
    const { coupon } = await redeemCoupon({ id: user.id, email: user.email }, workspace.id, code);
    revalidatePath("/dashboard/credits");
    return {
      ok: true,
      message: `Coupon ${coupon.code} redeemed: ${formatCredits(coupon.millicredits)} credits added.`,
    };
  },
);

/** The second click of "Pay with saved card": `attempt` is the dialog's idempotency key. */
export const payWithSavedCardAction = userAction(
  z.object({ pack: z.string().min(1).max(60), attempt: z.string().min(8).max(100) }),
  async ({ pack, attempt }, { user, workspace, role }) => {
    assertCan(role, "billing.manage", "buy credits");
    const message = await payPackWithSavedCard({ user, workspaceId: workspace.id }, pack, attempt);
    revalidatePath("/dashboard/credits");
    return { ok: true, message };
  },
);

const wholeNumber = (label: string) =>
  z.coerce
    .number({ error: `Enter ${label} as a number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(0, `${label[0].toUpperCase()}${label.slice(1)} cannot be negative.`)
    .max(1_000_000_000, `That is more than ${label} can be.`);

export const saveAutoTopUpAction = userAction(
  z.object({
    enabled: z.enum(["on", "off"]),
    threshold: wholeNumber("the threshold"),
    pack: z.string().min(1, "Choose a pack."),
    cap: wholeNumber("the monthly cap"),
  }),
  async ({ enabled, threshold, pack, cap }, { user, workspace, role }) => {
    assertCan(role, "billing.manage", "change auto top-up");
    await saveAutoTopUp({ id: user.id, email: user.email }, workspace.id, {
      enabled: enabled === "on",
      thresholdMillicredits: threshold * 1000,
      pack,
      monthlyCapCents: cap * 100,
    });
    revalidatePath("/dashboard/credits");
    return { ok: true, message: enabled === "on" ? "Auto top-up is on." : "Auto top-up is off." };
  },
);
