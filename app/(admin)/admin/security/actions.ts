"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { updateSettings } from "@/lib/settings/settings";

export const requireAdminTwoFactorAction = adminAction(
  z.object({ required: z.enum(["on", "off"]).default("off") }),
  async ({ required }, { admin }) => {
    // Turning it on without a second factor of one's own would send this admin out of the console
    // on the next page load; ask them to set theirs up first (as GitHub does for organisations).
    if (required === "on" && !admin.totpEnabledAt) {
      return {
        error:
          "Turn on two-factor authentication for your own account first (Settings → Security), then require it for every admin.",
      };
    }
    await updateSettings({ id: admin.id, email: admin.email }, { requireAdminTwoFactor: required === "on" });
    revalidatePath("/admin/security");
    return {
      ok: true,
      message:
        required === "on"
          ? "Admins must now use two-factor authentication."
          : "Two-factor authentication is optional for admins.",
    };
  },
);
