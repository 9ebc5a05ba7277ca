import type Stripe from "stripe";
import type { Tx } from "@/lib/db";
import { customerSubscriptionUpdated } from "./customer-subscription-updated";

/**
 * A subscription was created on the provider. Tollgate starts plans from checkout.session.completed
 * (which knows the workspace); this carries the subscription's state like an update, with the same
 * event-time guard — and, arriving first as it usually does, is retried until the plan exists.
 */
export async function customerSubscriptionCreated(tx: Tx, event: Stripe.Event) {
  return customerSubscriptionUpdated(tx, event);
}
