"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changePassword, resendVerification } from "@/lib/auth/accounts";
import { userAction } from "@/lib/auth/action";
import { passwordSchema } from "@/lib/auth/password";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { getCurrentSession, setCurrentWorkspace } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { RateLimitedError } from "@/lib/errors";
import { requireMembership, setOverage } from "@/lib/workspaces/workspaces";

// Layout paths name the route group: Next tags cached layouts by file path, not by URL.
const refreshDashboard = () => revalidatePath("/(dashboard)", "layout");

const switchWorkspaceAction = userAction(
  z.object({ workspaceId: z.string().min(1) }),
  async ({ workspaceId }, { user }) => {
    await requireMembership(user.id, workspaceId); // the id comes from the browser: never trust it
    await setCurrentWorkspace(workspaceId);
    refreshDashboard();
  },
);

/** The workspace switcher posts a plain form, so this one has the `(formData) => void` shape. */
export async function switchWorkspace(formData: FormData): Promise<void> {
  await switchWorkspaceAction({}, formData);
}

export const resendVerificationAction = userAction(z.object({}), async (_input, { user }) => {
  // Each click mails a fresh link; a handful per hour is plenty for a person and useless for spam.
  const limit = await hitRateLimit(`resend-verification:${user.id}`, 5, 60 * 60);
  if (!limit.allowed) {
    throw new RateLimitedError(
      limit.retryAfterSeconds,
      "Too many verification emails. Try again in a little while.",
    );
  }
  const sent = await resendVerification(user.id);
  if (!sent) return { ok: true, message: "Your email is already confirmed." };
  return { ok: true, message: `Verification email sent to ${user.email}.` };
});

const profileSchema = z.object({
  name: z.string().trim().max(100, "Use at most 100 characters.").default(""),
});

export const updateProfileAction = userAction(profileSchema, async ({ name }, { user }) => {
  await db.user.update({ where: { id: user.id }, data: { name: name || null } });
  refreshDashboard(); // the user menu shows the name
  return { ok: true, message: "Profile saved." };
});

const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "The passwords do not match.",
    path: ["confirmPassword"],
  });

export const changePasswordAction = userAction(
  changePasswordSchema,
  async ({ currentPassword, newPassword }, { user }) => {
    // A stolen session must not be able to guess its way to the password.
    const limit = await hitRateLimit(`change-password:${user.id}`, 10, 15 * 60);
    if (!limit.allowed) {
      throw new RateLimitedError(limit.retryAfterSeconds, "Too many attempts. Try again in a few minutes.");
    }
    // Every other browser is signed out; this one stays signed in.
    const current = await getCurrentSession();
    if (!(await changePassword(user.id, currentPassword, newPassword, current?.sessionId))) {
      return {
        error: "Your password was not changed.",
        fieldErrors: { currentPassword: ["Wrong current password."] },
      };
    }
    return { ok: true, message: "Your password has been changed. Your other sessions were signed out." };
  },
);

export const setOverageAction = userAction(
  z.object({ overage: z.enum(["on", "off"]).default("off") }),
  async ({ overage }, { user, workspace }) => {
    const { overageEnabled } = await setOverage(
      { id: user.id, email: user.email },
      workspace.id,
      overage === "on",
    );
    refreshDashboard();
    return {
      ok: true,
      message: overageEnabled
        ? "Calls past the daily quota now draw credits."
        : "Calls past the daily quota are now refused until 00:00 UTC.",
    };
  },
);
