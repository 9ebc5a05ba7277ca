"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { resendEmail } from "@/lib/email/admin";

export const resendEmailAction = adminAction(
  z.object({ id: z.string().min(1) }),
  async ({ id }, { admin }) => {
    const newId = await resendEmail({ id: admin.id, email: admin.email }, id);
    revalidatePath("/admin/outbox");
    redirect(`/admin/outbox/${newId}`);
  },
  { permission: "users" },
);
