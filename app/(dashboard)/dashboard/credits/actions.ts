"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/auth/action";
import { startCreditPackCheckout } from "@/lib/payments/checkout";

export const buyCreditPackAction = userAction(z.object({ pack: z.string().min(1) }), async ({ pack }, { user, workspace }) => {
  const { url } = await startCreditPackCheckout({ user, workspaceId: workspace.id }, pack);
  redirect(url);
});
