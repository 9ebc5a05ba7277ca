import type Stripe from "stripe";
import type { Tx } from "@/lib/db";
import { customerSubscriptionUpdated } from "./customer-subscription-updated";

/**
 * A subscription was created on the provider. Tollgate starts plans from checkout.session.completed
 * (which knows the workspace), so this only matters when it arrives after that: then it carries the
 * subscription's state like an update, with the same event-time guard. Before it: nothing to do.
 */
export async function customerSubscriptionCreated(tx: Tx, event: Stripe.Event) {
  await customerSubscriptionUpdated(tx, event);
}
