import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";

// One Stripe SDK instance. With STRIPE_SECRET_KEY it talks to Stripe (or to the host/port/protocol
// from env, which tests point at a local stand-in). Without it the SDK still verifies and signs
// webhook payloads for the local provider, which makes no API calls.
let client: Stripe | null = null;

export function stripe(): Stripe {
  client ??= new Stripe(env.STRIPE_SECRET_KEY ?? "sk_local_no_api_calls", {
    host: env.STRIPE_API_HOST,
    port: env.STRIPE_API_PORT,
    protocol: env.STRIPE_API_PROTOCOL,
    maxNetworkRetries: 2,
    appInfo: { name: "Tollgate" },
  });
  return client;
}

export const usingStripe = () => Boolean(env.STRIPE_SECRET_KEY);

/** The signing secret webhooks are verified with (npm run dev/start generate one when unset). */
export function webhookSecret(): string {
  if (!env.STRIPE_WEBHOOK_SECRET)
    throw new Error(
      "STRIPE_WEBHOOK_SECRET is not set. `npm run dev` and `npm start` generate one under .data/.",
    );
  return env.STRIPE_WEBHOOK_SECRET;
}
