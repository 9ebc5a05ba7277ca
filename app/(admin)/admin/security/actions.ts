"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { updateSettings } from "@/lib/catalog/settings";

export const requireAdminTwoFactorAction = adminAction(z.object({ required: z.enum(["on", "off"]).default("off") }), async ({ required }, { admin }) => {
  await updateSettings({ id: admin.id, email: admin.email }, { requireAdminTwoFactor: required === "on" });
  revalidatePath("/admin/security");
  return { ok: true, message: required === "on" ? "Admins must now use two-factor authentication." : "Two-factor authentication is optional for admins." };
});
