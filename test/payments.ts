import { grantIncludedCredits } from "@/lib/billing/included-credits";
import { db } from "@/lib/db";
import { startSubscriptionCheckout } from "@/lib/payments/checkout";
import { cardSchema, payLocalCheckout } from "@/lib/payments/local";
import { stripe, webhookSecret } from "@/lib/payments/stripe";
import { createUser } from "./factories";

// Helpers for payment tests: a verified buyer with a workspace, the local test card, a paid plan.

export async function buyer() {
  const user = await createUser({ verified: true });
  const { workspaceId } = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
  return { user, workspaceId, actor: { id: user.id, email: user.email } };
}

export const card = (checkoutId: string, cardNumber = "4242 4242 4242 4242") =>
  cardSchema.parse({ checkoutId, cardNumber, expiry: "12/40", cvc: "123" });

export const balanceOf = async (id: string) =>
  (await db.workspace.findUniqueOrThrow({ where: { id } })).balanceMillicredits;

/** A buyer on a paid plan through the local checkout; returns the buyer and a loader for the live subscription. */
export async function subscribed(tierCode: string, interval: "month" | "year") {
  const b = await buyer();
  const { url } = await startSubscriptionCheckout(b, tierCode, interval);
  await payLocalCheckout(b.user.id, card(url.split("/").pop()!));
  const sub = () =>
    db.subscription.findFirstOrThrow({
      where: { workspaceId: b.workspaceId },
      orderBy: { createdAt: "desc" },
      include: { tier: true, scheduledTier: true },
    });
  return { ...b, sub };
}

export function signedRequest(event: object, secret = webhookSecret()) {
  const payload = JSON.stringify(event);
  return new Request("http://localhost/api/webhooks/stripe", {
    method: "POST",
    body: payload,
    headers: { "stripe-signature": stripe().webhooks.generateTestHeaderString({ payload, secret }) },
  });
}

/** The monthly grant job's step for one workspace, `months` UTC months from now (just after midnight on the 1st). */
export async function nextMonth(workspaceId: string, months = 1) {
  const now = new Date();
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1, 0, 5));
  return db.$transaction((tx) => grantIncludedCredits(tx, workspaceId, { at }));
}
