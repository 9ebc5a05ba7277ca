"use server";

import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { unsubscribeWithToken } from "@/lib/notifications/preferences";

// The signed token is the authorization: the person clicking may well be signed out.
export const unsubscribeAction = publicAction(
  z.object({ token: z.string().min(1).max(500) }),
  async ({ token }) => {
    // Null also when the account was deleted after the email went out.
    if (!(await unsubscribeWithToken(token))) return { error: "This unsubscribe link is not valid." };
    return { ok: true };
  },
);
