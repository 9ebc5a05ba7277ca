"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/auth/action";
import { type EmailCategory, setEmailPreferences } from "@/lib/notifications/preferences";

// Each checkbox sits after a hidden "off" of the same name, so an unticked box still arrives.
const toggle = z.enum(["on", "off"]).default("off");
const preferencesSchema = z.object({
  quota_alerts: toggle,
  low_credits: toggle,
  usage_summary: toggle,
} satisfies Record<EmailCategory, typeof toggle>);

export const saveEmailPreferencesAction = userAction(preferencesSchema, async (input, { user }) => {
  // Preferences belong to the person, not the workspace: only the session user is ever touched.
  const preferences = Object.fromEntries(
    Object.entries(input).map(([category, value]) => [category, value === "on"]),
  );
  await setEmailPreferences(user.id, preferences);
  revalidatePath("/dashboard/settings");
  return { ok: true, message: "Preferences saved.", values: input };
});
