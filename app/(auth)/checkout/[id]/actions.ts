"use server";

import { redirect } from "next/navigation";
import { ForbiddenError } from "@/lib/errors";
import { publicAction } from "@/lib/auth/action";
import { getCurrentUser } from "@/lib/auth/session";
import { cardSchema, payLocalCheckout } from "@/lib/payments/local";

export const payCheckoutAction = publicAction(cardSchema, async (input) => {
  const user = await getCurrentUser();
  if (!user) throw new ForbiddenError("Sign in again to pay.");
  const checkout = await payLocalCheckout(user.id, input);
  redirect(
    checkout.kind === "subscription" ? "/dashboard/billing?subscribed=1" : "/dashboard/credits?purchased=1",
  );
});
