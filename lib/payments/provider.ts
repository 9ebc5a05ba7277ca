import type { Actor } from "@/lib/audit/record";
import type { CheckoutSession, Coupon, Payment, PaymentProviderKind, Subscription, Tier } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PlanChangeQuote } from "@/lib/billing/plan-change";
import { localProvider } from "./local-provider";
import { stripeProvider } from "./stripe-provider";
import { usingStripe } from "./stripe";

// The payment provider boundary (SPEC §4). Every provider only *asks* for money to move; what
// Tollgate records happens in the webhook handler, from the events the provider sends (Stripe's
// own, or the local provider's Stripe-shaped ones) — one code path for both.

/** What an admin refund tells the provider. */
export type RefundRequest = {
  key: string;
  reason: string;
  stripeReason?: "duplicate" | "fraudulent" | "requested_by_customer";
};

export type SubscriptionWithTier = Subscription & { tier: Tier };
export type ImmediateChange = Extract<PlanChangeQuote<Tier>, { when: "now" }>;

export type CheckoutRequest = {
  checkout: Omit<CheckoutSession, "id" | "provider" | "status" | "createdAt" | "completedAt">;
  email: string;
  /** What the buyer sees on the checkout page and receipt. */
  name: string;
  /** Price before any coupon (`checkout.amountCents` is after it). */
  listPriceCents: number;
  coupon: Coupon | null;
  /** Where Stripe sends the buyer back to. */
  successPath: string;
  cancelPath: string;
};

/** The card on file, as the buyer sees it ("Visa ···4242"); `ref` is the provider's payment method id. */
export type SavedCard = { brand: string; last4: string; ref: string | null; customer: string | null };

/** One off-session charge of the card on file for a checkout row already written (credit packs). */
export type SavedCardCharge = { checkout: CheckoutSession; card: SavedCard; description: string };

export interface PaymentProvider {
  readonly kind: "stripe" | "local";
  /** Opens a checkout; returns our checkout id and where to send the buyer. */
  createCheckout(request: CheckoutRequest): Promise<{ id: string; url: string }>;
  /** Charges an upgrade (or monthly -> annual) at once; its invoice.paid event applies it. Throws when the card is declined. */
  changePlanNow(sub: SubscriptionWithTier, change: ImmediateChange): Promise<void>;
  /** Sets what the next renewal bills (a downgrade or interval switch), or back to the current plan. */
  setRenewalPlan(sub: SubscriptionWithTier, next: { tier: Tier; interval: "month" | "year" }): Promise<void>;
  setCancelAtPeriodEnd(sub: SubscriptionWithTier, cancel: boolean): Promise<void>;
  /** Ends the subscription now (after an unpaid grace period); its customer.subscription.deleted event frees the workspace. */
  cancelNow(sub: SubscriptionWithTier): Promise<void>;
  /**
   * Refunds part or all of a payment; the charge.refunded event claws credits back. `payment.refundedCents`
   * is what was refunded before this one. `request.key` makes a retry of the same refund a no-op at
   * the provider; `request.reason` travels as metadata (and as Stripe's own reason when it has one).
   */
  refund(payment: Payment, amountCents: number, actor: Actor, request?: RefundRequest): Promise<void>;
  /** The workspace's card on file, or null. */
  savedCard(workspaceId: string): Promise<SavedCard | null>;
  /**
   * Charges the card on file once per checkout id (the provider's idempotency key); success lands
   * through the payment_intent.succeeded webhook. Throws CardDeclinedError when declined.
   */
  chargeSavedCard(charge: SavedCardCharge): Promise<void>;
  /** Where the customer manages the card on file (Stripe's Customer Portal, or our local page). */
  paymentMethodUrl(workspaceId: string, sub: SubscriptionWithTier | null): Promise<string>;
}

/** The provider for new payments, or the one an existing subscription or payment belongs to. */
export function paymentProvider(kind?: PaymentProviderKind): PaymentProvider {
  const k = kind ?? (usingStripe() ? "stripe" : "local");
  if (k === "manual")
    throw new AppError(
      "manual_plan",
      "This plan is managed by Tollgate staff. Contact support to change it.",
      409,
    );
  return k === "stripe" ? stripeProvider : localProvider;
}
