import { describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/webhooks/stripe/route";
import { db } from "@/lib/db";
import objects from "@/test/fixtures/stripe-objects.json";
import { startingCredits, subscribe } from "@/test/factories";
import { balanceOf, buyer, signedRequest } from "@/test/payments";
import { withStripeStandIn } from "@/test/stripe-stand-in";
import { buyPackWithSavedCard, savedCardCheckoutId } from "./saved-card";

// With STRIPE_SECRET_KEY set (the SDK pointed at the stand-in), a pack paid with the saved card is
// an off-session PaymentIntent; its payment_intent.succeeded webhook credits the pack.
const START = await startingCredits();
const PACK_10K = 10_000_000n;
const standIn = withStripeStandIn();

describe("credit packs paid with the saved card (Stripe)", () => {
  it("charges the customer's default card off-session with the checkout id as idempotency key; the webhook credits once", async () => {
    const b = await buyer();
    await subscribe(b.workspaceId, "starter", {
      provider: "stripe",
      providerCustomerId: "cus_standin_saved",
      providerSubscriptionId: `sub_standin_saved_${b.workspaceId}`,
    });
    const pack = await db.creditPack.findUniqueOrThrow({ where: { code: "credits-10k" } });
    const checkoutId = savedCardCheckoutId(b.workspaceId, "stripe-click");
    const purchase = { workspaceId: b.workspaceId, userId: b.user.id, packId: pack.id, checkoutId };
    expect((await buyPackWithSavedCard(purchase)).status).toBe("paid");
    const intent = standIn().requests.find((r) => r.path === "/v1/payment_intents")!;
    expect(Object.fromEntries(intent.body)).toMatchObject({
      amount: "1000",
      currency: "usd",
      customer: "cus_standin_saved",
      payment_method: "pm_standin_visa",
      off_session: "true",
      confirm: "true",
      "metadata[checkoutId]": checkoutId,
    });
    // Nothing lands before Stripe says the intent succeeded.
    expect(await balanceOf(b.workspaceId)).toBe(START);
    const event = (id: string) =>
      signedRequest({
        ...objects.event,
        id,
        created: Math.floor(Date.now() / 1000),
        type: "payment_intent.succeeded",
        data: {
          object: {
            ...objects.payment_intent,
            id: "pi_standin_saved",
            amount: 1000,
            amount_received: 1000,
            currency: "usd",
            status: "succeeded",
            metadata: { checkoutId, workspaceId: b.workspaceId },
            latest_charge: {
              id: "ch_standin_saved",
              payment_method_details: { type: "card", card: { brand: "visa", last4: "4242" } },
            },
          },
        },
      });
    expect((await webhookRoute(event(`evt_saved_${b.workspaceId}`))).status).toBe(200);
    expect((await webhookRoute(event(`evt_saved_again_${b.workspaceId}`))).status).toBe(200);
    expect(await balanceOf(b.workspaceId)).toBe(START + PACK_10K);
    expect(await db.payment.findFirstOrThrow({ where: { workspaceId: b.workspaceId } })).toMatchObject({
      provider: "stripe",
      providerChargeId: "pi_standin_saved",
      cardBrand: "Visa",
      cardLast4: "4242",
    });

    // A declined off-session charge is a failed payment.
    standIn().state.declineNextPaymentIntent = true;
    await expect(
      buyPackWithSavedCard({
        ...purchase,
        checkoutId: savedCardCheckoutId(b.workspaceId, "stripe-declined"),
      }),
    ).rejects.toThrow(/insufficient funds/);
    expect(await db.payment.count({ where: { workspaceId: b.workspaceId, status: "failed" } })).toBe(1);
  });
});
