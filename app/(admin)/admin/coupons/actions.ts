"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { couponSchema, createCoupon, setCouponActive } from "@/lib/billing/coupons";

export const createCouponAction = adminAction(couponSchema, async (input, { admin }) => {
  const coupon = await createCoupon({ id: admin.id, email: admin.email }, input);
  revalidatePath("/admin/coupons");
  return { ok: true, message: `Coupon ${coupon.code} created.` };
});

export const toggleCouponAction = adminAction(z.object({ id: z.string().min(1), active: z.enum(["yes", "no"]) }), async ({ id, active }, { admin }) => {
  await setCouponActive({ id: admin.id, email: admin.email }, id, active === "yes");
  revalidatePath("/admin/coupons");
});
