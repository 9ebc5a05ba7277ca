"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { couponSchema, createCoupon, setCouponActive } from "@/lib/billing/coupons";
import { parseCredits } from "@/lib/catalog/money";
import { updateSettings } from "@/lib/settings/settings";

// The plan checkboxes post `tier_<id>=on`; the domain schema takes their ids as `tierIds`.
const withTierIds = (raw: unknown) => {
  if (typeof raw !== "object" || raw === null) return raw;
  const entries = Object.entries(raw as Record<string, unknown>);
  const tierIds = entries.filter(([k, v]) => k.startsWith("tier_") && v === "on").map(([k]) => k.slice(5));
  return { ...Object.fromEntries(entries.filter(([k]) => !k.startsWith("tier_"))), tierIds };
};

// The form's own wording for a bad percentage; the domain schema's messages are for the API.
const couponFormSchema = couponSchema.safeExtend({
  percentOff: z
    .string()
    .trim()
    .default("")
    .transform((v, ctx) => {
      if (!v) return 0;
      const n = Number(v);
      if (!/^\d{1,3}$/.test(v) || n < 1 || n > 100) {
        ctx.addIssue({ code: "custom", message: "Enter a whole percentage from 1 to 100." });
        return z.NEVER;
      }
      return n;
    }),
});

export const createCouponAction = adminAction(
  z.preprocess(withTierIds, couponFormSchema),
  async (input, { admin }) => {
    const coupon = await createCoupon({ id: admin.id, email: admin.email }, input);
    revalidatePath("/admin/coupons");
    return { ok: true, message: `Coupon ${coupon.code} created.` };
  },
);

export const toggleCouponAction = adminAction(
  z.object({ id: z.string().min(1), active: z.enum(["yes", "no"]) }),
  async ({ id, active }, { admin }) => {
    await setCouponActive({ id: admin.id, email: admin.email }, id, active === "yes");
    revalidatePath("/admin/coupons");
  },
);

/** The coupon table's plain `<form action>` has no state to show; the admin check is toggleCouponAction's. */
export async function toggleCouponFormAction(formData: FormData) {
  await toggleCouponAction({}, formData);
}

export const referralSettingsAction = adminAction(
  z.object({ referrerCredits: z.string(), newUserCredits: z.string() }).transform((v, ctx) => {
    const referrer = parseCredits(v.referrerCredits || "0");
    const newUser = parseCredits(v.newUserCredits || "0");
    if (referrer === null || referrer < 0n)
      ctx.addIssue({
        code: "custom",
        path: ["referrerCredits"],
        message: "Enter a number of credits like 5000.",
      });
    if (newUser === null || newUser < 0n)
      ctx.addIssue({
        code: "custom",
        path: ["newUserCredits"],
        message: "Enter a number of credits like 1000.",
      });
    return { referralReferrerMillicredits: referrer ?? 0n, referralNewUserMillicredits: newUser ?? 0n };
  }),
  async (input, { admin }) => {
    await updateSettings({ id: admin.id, email: admin.email }, input);
    revalidatePath("/admin/coupons");
    return { ok: true, message: "Referral rewards saved." };
  },
);

const wholeNumber = (max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{1,${String(max).length}}$`), message)
    .transform(Number)
    .refine((n) => n <= max, message);

export const billingSettingsAction = adminAction(
  z.object({
    rolloverPercent: wholeNumber(100, "Enter a whole percentage from 0 to 100."),
    promotionalCreditDays: wholeNumber(3650, "Enter a whole number of days from 1 to 3650.").refine(
      (n) => n >= 1,
      "Enter a whole number of days from 1 to 3650.",
    ),
    paymentGraceDays: wholeNumber(60, "Enter a whole number of days from 0 to 60."),
  }),
  async (input, { admin }) => {
    await updateSettings({ id: admin.id, email: admin.email }, input);
    revalidatePath("/admin/coupons");
    revalidatePath("/pricing"); // its FAQ quotes the rollover share
    return { ok: true, message: "Billing settings saved." };
  },
);
