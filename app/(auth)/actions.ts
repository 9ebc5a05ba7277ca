"use server";

import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { emailSchema, requestPasswordReset, resetPassword, signUp, signUpSchema } from "@/lib/auth/accounts";
import { passwordSchema } from "@/lib/auth/password";

export const signUpAction = publicAction(signUpSchema, async (input) => {
  await signUp(input);
  return { ok: true, message: input.email };
});

export const forgotPasswordAction = publicAction(z.object({ email: emailSchema }), async ({ email }) => {
  await requestPasswordReset(email);
  return { ok: true, message: "If an account exists for that address, a reset link is on its way. It expires in 1 hour." };
});

const resetSchema = z
  .object({ token: z.string().min(1), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The passwords do not match.", path: ["confirm"] });

export const resetPasswordAction = publicAction(resetSchema, async ({ token, password }) => {
  await resetPassword(token, password);
  return { ok: true, message: "Your password has been changed. Sign in with the new one." };
});
