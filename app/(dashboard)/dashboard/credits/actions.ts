"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/auth/action";
import { redeemCoupon } from "@/lib/billing/coupons";
import { formatCredits } from "@/lib/catalog/money";
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
