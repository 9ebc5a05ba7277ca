"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/action";
import { resendUserVerification, resendVerificationFormSchema } from "@/lib/admin/user-actions";

export const resendVerificationAction = adminAction(
  resendVerificationFormSchema,
  async (input, { admin }) => {
    const { email } = await resendUserVerification({ id: admin.id, email: admin.email }, input);
    revalidatePath(`/admin/users/${input.userId}`);
    return { ok: true, message: `Verification email sent to ${email}.` };
  },
);
