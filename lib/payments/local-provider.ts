import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCardChargeable, CardDeclinedError, cardOnFileCharges } from "./cards";
import { deliverLocalEvent } from "./local-events";
import { localCharge, localId, localInvoice, localPaymentIntent, localSubscription } from "./local-objects";
import type { PaymentProvider } from "./provider";

// The local provider: a built-in checkout page and a card on file; every outcome is a signed,
// Stripe-shaped event through the same webhook handler Stripe's events reach.
export const localProvider: PaymentProvider = {
  kind: "local",

  async createCheckout({ checkout }) {
    const id = `cs_local_${randomBytes(12).toString("hex")}`;
    await db.checkoutSession.create({ data: { ...checkout, id, provider: "local" } });
    return { id, url: `/checkout/${id}` };
  },

  async changePlanNow(sub, change) {
    await assertCardChargeable(sub.workspaceId);
    await deliverLocalEvent(
      "invoice.paid",
      localInvoice({
        id: localId("in"),
        subscriptionId: sub.providerSubscriptionId!,
        billingReason: "subscription_update",
        amountCents: change.chargeCents,
        currency: sub.tier.currency,
        description: `${change.tier.name} plan (${change.interval === "year" ? "annual" : "monthly"}), prorated`,
        periodStart: change.periodStart,
        periodEnd: change.periodEnd,
        paid: true,
        // As Stripe itemises a proration: the unused time credited, the new plan's time charged.
        lines: [
          { description: `Unused time on ${sub.tier.name}`, amountCents: -change.creditCents },
          {
            description: `Remaining time on ${change.tier.name}`,
            amountCents: change.chargeCents + change.creditCents,
          },
        ],
        metadata: {
          tierId: change.tier.id,
          interval: change.interval,
          grantMillicredits: change.grantMillicredits.toString(),
        },
      }),
    );
  },

  // Nothing to tell: the renewal sweep bills whatever our subscription has scheduled.
  async setRenewalPlan() {},

  async setCancelAtPeriodEnd(sub, cancel) {
    await deliverLocalEvent(
      "customer.subscription.updated",
      localSubscription({
        id: sub.providerSubscriptionId!,
        status: sub.status,
        cancelAtPeriodEnd: cancel,
        currentPeriodEnd: sub.currentPeriodEnd,
      }),
    );
  },

  async cancelNow(sub) {
    await deliverLocalEvent(
      "customer.subscription.deleted",
      localSubscription({
        id: sub.providerSubscriptionId!,
        status: "canceled",
        cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
        currentPeriodEnd: sub.currentPeriodEnd,
        endedAt: new Date(),
      }),
    );
  },

  async refund(payment, amountCents, actor, request) {
    if (!payment.providerChargeId)
      throw new AppError("no_charge", "This payment has no charge to refund.", 409);
    await deliverLocalEvent(
      "charge.refunded",
      localCharge({
        id: `ch_${payment.providerChargeId}`,
        paymentIntent: payment.providerChargeId,
        amountCents: payment.amountCents,
        amountRefundedCents: payment.refundedCents + amountCents,
        currency: payment.currency,
        metadata: {
          ...(actor ? { refundedBy: actor.email } : {}),
          ...(request ? { reason: request.reason, tollgateRefundId: request.key } : {}),
        },
      }),
    );
  },

  async savedCard(workspaceId) {
    const card = await db.paymentMethod.findUnique({ where: { workspaceId } });
    return card && { brand: card.brand, last4: card.last4, ref: null, customer: null };
  },

  async chargeSavedCard({ checkout, card }) {
    // Like Stripe test mode: only 4242… charges off-session (4000 0000 0000 0341 saves, then fails).
    if (!cardOnFileCharges(card))
      throw new CardDeclinedError(`Your card ending ${card.last4} was declined. Nothing was charged.`);
    await deliverLocalEvent(
      "payment_intent.succeeded",
      localPaymentIntent({
        id: localId("pi"),
        amountCents: checkout.amountCents,
        currency: checkout.currency,
        metadata: { checkoutId: checkout.id, workspaceId: checkout.workspaceId },
        card,
      }),
    );
  },

  async paymentMethodUrl() {
    return "/dashboard/billing/payment-method";
  },
};
