"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/action";
import { adminRoleFormSchema, setAdminRole } from "@/lib/admin/admin-role";
import { adminRoleLabel } from "@/lib/auth/admin-roles";
import { resendUserVerification, resendVerificationFormSchema } from "@/lib/admin/user-actions";

export const resendVerificationAction = adminAction(
  resendVerificationFormSchema,
  async (input, { admin }) => {
    const { email } = await resendUserVerification({ id: admin.id, email: admin.email }, input);
    revalidatePath(`/admin/users/${input.userId}`);
    return { ok: true, message: `Verification email sent to ${email}.` };
  },
  { permission: "users" },
);

export const setAdminRoleAction = adminAction(
  adminRoleFormSchema,
  async (input, { admin }) => {
    const user = await setAdminRole({ id: admin.id, email: admin.email }, input);
    revalidatePath(`/admin/users/${input.userId}`);
    return { ok: true, message: `${user.email} is now ${adminRoleLabel(user.adminRole)}.` };
  },
  { permission: "roles" },
);
