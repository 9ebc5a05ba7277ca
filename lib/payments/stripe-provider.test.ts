import { describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/webhooks/stripe/route";
import { db } from "@/lib/db";
import objects from "@/test/fixtures/stripe-objects.json";
import { buyer, signedRequest } from "@/test/payments";
import { withStripeStandIn } from "@/test/stripe-stand-in";

// With STRIPE_SECRET_KEY set, every provider call goes through the real Stripe SDK (pointed at the
// stand-in), and Tollgate's state changes only when Stripe's webhook arrives.
const standIn = withStripeStandIn();

/** Stripe's paid invoice `in_<ref>` (charge `pi_<ref>`) for a subscription. */
const paidInvoice = (
  ref: string,
  reason: string,
  amount: number,
  subscription: string,
  metadata: Record<string, string> = {},
) => ({
  ...objects.invoice,
  id: `in_${ref}`,
  billing_reason: reason,
  status: "paid",
  amount_paid: amount,
  payment_intent: `pi_${ref}`,
  parent: { type: "subscription_details", subscription_details: { subscription, metadata } },
});

const last = (path: string) => [...standIn().requests].reverse().find((r) => r.path === path)!;
let n = 0;
const send = (type: string, object: object) =>
  webhookRoute(
    signedRequest({
      ...objects.event,
      id: `evt_stripe_provider_${++n}`,
      created: Math.floor(Date.now() / 1000) + n,
      type,
      data: { object },
    }),
  );

describe("the Stripe provider", () => {
  it("plan checkout with a percent-off coupon, upgrade, declined upgrade, downgrade, portal and refund", async () => {
    const { createCoupon } = await import("@/lib/billing/coupons");
    const { startSubscriptionCheckout } = await import("./checkout");
    const { cancelScheduledChange, changePlan, paymentMethodUrl } = await import("./plans");
    const { refundPayment } = await import("./refunds");
    const b = await buyer();
    await createCoupon(null, {
      code: "STRIPE20",
      kind: "percent_off",
      credits: 0n,
      percentOff: 20,
      maxRedemptions: null,
      expiresOn: null,
      startsOn: null,
      duration: "repeating",
      durationMonths: 3,
      tierIds: [],
    });

    // Checkout: a Stripe coupon mirrors ours and is applied to the first payment.
    const { url } = await startSubscriptionCheckout(b, "pro", "month", "stripe20");
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect(last("/v1/coupons").body.get("percent_off")).toBe("20");
    // Its duration goes to Stripe, which discounts the renewals itself.
    expect(last("/v1/coupons").body.get("duration")).toBe("repeating");
    expect(last("/v1/coupons").body.get("duration_in_months")).toBe("3");
    const session = last("/v1/checkout/sessions").body;
    expect(session.get("mode")).toBe("subscription");
    expect(session.get("discounts[0][coupon]")).toMatch(/^coupon_standin_/);
    expect(session.has("allow_promotion_codes")).toBe(false);
    expect(last("/v1/prices").body.get("unit_amount")).toBe("7900");
    const cs = url.split("/").pop()!;
    expect(await db.checkoutSession.findUniqueOrThrow({ where: { id: cs } })).toMatchObject({
      amountCents: 6_320,
      discountCents: 1_580,
    });

    const subId = `sub_standin_${cs}`;
    standIn().seedSubscription(subId, "cus_standin_1");
    expect(
      (
        await send("checkout.session.completed", {
          ...objects["checkout.session"],
          id: cs,
          mode: "subscription",
          payment_status: "paid",
          status: "complete",
          amount_total: 6_320,
          currency: "usd",
          subscription: subId,
          customer: "cus_standin_1",
          invoice: `in_first_${cs}`,
          payment_intent: null,
          metadata: { workspaceId: b.workspaceId },
        })
      ).status,
    ).toBe(200);
    const sub = () =>
      db.subscription.findFirstOrThrow({
        where: { workspaceId: b.workspaceId },
        include: { tier: true, scheduledTier: true },
      });
    expect(await sub()).toMatchObject({
      provider: "stripe",
      providerSubscriptionId: subId,
      providerCustomerId: "cus_standin_1",
      tier: { code: "pro" },
    });
    expect((await db.coupon.findUniqueOrThrow({ where: { code: "STRIPE20" } })).redemptionCount).toBe(1);
    // Stripe's first invoice brings the charge id (needed for refunds).
    await send("invoice.paid", paidInvoice(`first_${cs}`, "subscription_create", 6_320, subId));
    expect(
      (await db.payment.findFirstOrThrow({ where: { workspaceId: b.workspaceId } })).providerChargeId,
    ).toBe(`pi_first_${cs}`);

    // A declined upgrade changes nothing.
    standIn().state.declineNextUpdate = true;
    await expect(changePlan(b.actor, b.workspaceId, "enterprise", "month")).rejects.toThrow(
      /Your card was declined/,
    );
    expect((await sub()).tier.code).toBe("pro");

    // Upgrade: billed at once on Stripe; applied when its invoice.paid arrives.
    await changePlan(b.actor, b.workspaceId, "enterprise", "month");
    const update = last(`/v1/subscriptions/${subId}`).body;
    expect(update.get("proration_behavior")).toBe("always_invoice");
    expect(update.get("payment_behavior")).toBe("error_if_incomplete");
    expect(update.get("items[0][id]")).toBe(objects.subscription.items.data[0].id);
    const enterprise = await db.tier.findUniqueOrThrow({ where: { code: "enterprise" } });
    expect(update.get("metadata[tierId]")).toBe(enterprise.id);
    expect((await sub()).tier.code).toBe("pro");
    const metadata = {
      tierId: enterprise.id,
      interval: "month",
      grantMillicredits: update.get("metadata[grantMillicredits]")!,
    };
    const now = Math.floor(Date.now() / 1000);
    const upgradePaid = {
      ...paidInvoice(`up_${cs}`, "subscription_update", 31_000, subId, metadata),
      lines: {
        ...objects.invoice.lines,
        data: [{ ...objects.invoice.lines.data[0], period: { start: now, end: now + 29 * 86_400 } }],
      },
    };
    await send("invoice.paid", upgradePaid);
    await send("invoice.paid", upgradePaid); // Stripe sends it again under a new event id
    expect((await sub()).tier.code).toBe("enterprise");
    expect((await db.workspace.findUniqueOrThrow({ where: { id: b.workspaceId } })).balanceMillicredits).toBe(
      600_000_000n,
    );
    const upgraded = await db.emailOutbox.findMany({
      where: { to: b.user.email, template: "tier-upgraded" },
    });
    expect(upgraded.map((e) => e.subject)).toEqual(["You're now on Enterprise"]);
    expect(upgraded[0].text).toContain("Charged today: $310 (prorated)");

    // Downgrade: a subscription schedule switches the price at the period end; taking it back releases it.
    await changePlan(b.actor, b.workspaceId, "starter", "month");
    expect(last("/v1/subscription_schedules").body.get("from_subscription")).toBe(subId);
    const phases = [...standIn().requests]
      .reverse()
      .find((r) => r.path.startsWith("/v1/subscription_schedules/sub_sched_standin_"))!.body;
    expect(phases.get("phases[1][metadata][tierId]")).toBe(
      (await db.tier.findUniqueOrThrow({ where: { code: "starter" } })).id,
    );
    expect((await sub()).scheduledTier?.code).toBe("starter");
    expect(
      (await db.emailOutbox.findMany({ where: { to: b.user.email, template: "downgrade-scheduled" } })).map(
        (e) => e.subject,
      ),
    ).toEqual([expect.stringMatching(/^Your plan changes to Starter on /)]);
    await cancelScheduledChange(b.actor, b.workspaceId);
    expect(standIn().requests.at(-1)!.path).toMatch(
      /^\/v1\/subscription_schedules\/sub_sched_standin_\d+\/release$/,
    );
    expect((await sub()).scheduledTierId).toBeNull();

    // The Customer Portal manages the card.
    expect(await paymentMethodUrl(b.workspaceId)).toMatch(/^https:\/\/billing\.stripe\.test\//);
    expect(last("/v1/billing_portal/sessions").body.get("customer")).toBe("cus_standin_1");

    // A refund is asked of Stripe; its charge.refunded event claws the credits back.
    const upgrade = await db.payment.findFirstOrThrow({
      where: { workspaceId: b.workspaceId, kind: "plan_change" },
    });
    await refundPayment(null, upgrade.id);
    const refund = last("/v1/refunds").body;
    expect(refund.get("payment_intent")).toBe(`pi_up_${cs}`);
    expect(refund.get("amount")).toBe("31000");
    expect((await db.payment.findUniqueOrThrow({ where: { id: upgrade.id } })).status).toBe("paid"); // until Stripe says so
    await send("charge.refunded", {
      ...objects.charge,
      id: `ch_up_${cs}`,
      payment_intent: `pi_up_${cs}`,
      amount: 31_000,
      amount_refunded: 31_000,
      refunded: true,
    });
    expect(await db.payment.findUniqueOrThrow({ where: { id: upgrade.id } })).toMatchObject({
      status: "refunded",
      refundedCents: 31_000,
    });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: b.workspaceId } })).balanceMillicredits).toBe(
      100_000_000n,
    );
  });
});
