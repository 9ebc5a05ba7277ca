"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import {
  emailSchema,
  registerAccount,
  requestPasswordReset,
  resetPassword,
  signUpSchema,
} from "@/lib/auth/accounts";
import { passwordSchema } from "@/lib/auth/password";
import { EXPERIMENT_COOKIE } from "@/lib/experiments/cookie";
import { recordUser } from "@/lib/experiments/track";
import { PLAN_COOKIE, choiceCookieValue, parseChoice } from "@/lib/payments/plan-choice";

const planChoice = z.object({
  plan: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional()
    .catch(undefined),
  interval: z.enum(["month", "year"]).optional().catch(undefined),
  pack: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional()
    .catch(undefined),
  ref: z
    .string()
    .regex(/^[\w-]{1,40}$/)
    .optional()
    .catch(undefined),
});

export const signUpAction = publicAction(
  signUpSchema.and(planChoice),
  async ({ plan, interval, pack, ref, ...input }) => {
    // The same answer whether or not the address already has an account (see registerAccount).
    const jar = await cookies();
    const { email } = await registerAccount(input, {
      referralCode: ref,
      // A new account keeps the price experiment variant its visitor was shown (on every device).
      onCreated: (userId) => recordUser(userId, jar.get(EXPERIMENT_COOKIE)?.value, true),
    });
    // The plan or pack chosen on the pricing page waits here until the email is verified.
    const choice = parseChoice({ plan, interval, pack });
    if (choice)
      jar.set(PLAN_COOKIE, choiceCookieValue(choice), {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        maxAge: 7 * 24 * 3600,
      });
    return { ok: true, message: email };
  },
);

export const forgotPasswordAction = publicAction(z.object({ email: emailSchema }), async ({ email }) => {
  await requestPasswordReset(email);
  return {
    ok: true,
    message: "If an account exists for that address, a reset link is on its way. It expires in 1 hour.",
  };
});

const resetSchema = z
  .object({ token: z.string().min(1), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The passwords do not match.", path: ["confirm"] });

export const resetPasswordAction = publicAction(resetSchema, async ({ token, password }) => {
  await resetPassword(token, password);
  return { ok: true, message: "Your password has been changed. Sign in with the new one." };
});
