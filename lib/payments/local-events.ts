import "server-only";
import { randomBytes } from "node:crypto";
import { stripe, webhookSecret } from "./stripe";
import { handleStripeWebhook } from "./webhook";

// Builds a Stripe-shaped event, signs it with the webhook secret and hands it to the same webhook
// handler Stripe's deliveries reach. The local provider's only way of changing state.
export async function deliverLocalEvent(type: string, object: Record<string, unknown>) {
  const event = {
    id: `evt_local_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: "2025-01-01",
    created: Math.floor(Date.now() / 1000),
    type,
    data: { object },
    livemode: false,
    pending_webhooks: 0,
    request: { id: null, idempotency_key: null },
  };
  const payload = JSON.stringify(event);
  const signature = stripe().webhooks.generateTestHeaderString({ payload, secret: webhookSecret() });
  return handleStripeWebhook(payload, signature);
}
