"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/auth/action";
import { signOutEverywhere } from "@/lib/auth/sessions";
import { confirmEnrolment, disableTwoFactor, InvalidTwoFactorCodeError } from "@/lib/auth/two-factor";

const codeSchema = z.object({ code: z.string().trim().min(1, "Enter a code.").max(40) });
const refresh = () => revalidatePath("/dashboard/settings/security");

// No refresh here: the page would swap the form for the "on" state before the codes are read.
export const confirmTwoFactorAction = userAction(codeSchema, async ({ code }, { user }) => {
  const recoveryCodes = await confirmEnrolment(user.id, code);
  return { ok: true, message: "Two-factor authentication is on.", recoveryCodes };
});

export const disableTwoFactorAction = userAction(codeSchema, async ({ code }, { user }) => {
  try {
    await disableTwoFactor(user.id, code);
  } catch (e) {
    if (e instanceof InvalidTwoFactorCodeError)
      return { error: e.message, fieldErrors: { code: [e.message] } };
    throw e;
  }
  refresh();
  return { ok: true, message: "Two-factor authentication is off." };
});

/** Ends every session of this user, this browser's too. */
export const signOutEverywhereAction = userAction(z.object({}), async (_input, { user }) => {
  await signOutEverywhere(user.id);
  redirect("/sign-in");
});
