import { describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/webhooks/stripe/route";
import { db } from "@/lib/db";
import { createUser, startingCredits } from "@/test/factories";
import objects from "@/test/fixtures/stripe-objects.json";
import { withStripeStandIn } from "@/test/stripe-stand-in";

// With STRIPE_SECRET_KEY set, checkout goes through the real Stripe SDK (pointed at the stand-in),
// and the webhook Stripe would send completes it.
const standIn = withStripeStandIn();

describe("credit packs through Stripe Checkout", () => {
  it("creates a Stripe checkout session and credits the pack when Stripe's webhook arrives", async () => {
    const { startCreditPackCheckout } = await import("./checkout");
    const { stripe, webhookSecret } = await import("./stripe");
    const user = await createUser({ verified: true });
    const { workspaceId } = await db.membership.findFirstOrThrow({ where: { userId: user.id } });

    const { url } = await startCreditPackCheckout({ user, workspaceId }, "credits-10k");
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_standin_/);
    const sent = standIn().requests.at(-1)!;
    expect(sent.body.get("mode")).toBe("payment");
    expect(sent.body.get("line_items[0][price_data][unit_amount]")).toBe("1000");
    expect(sent.body.get("metadata[workspaceId]")).toBe(workspaceId);
    const sessionId = url.split("/").pop()!;
    expect(await db.checkoutSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      provider: "stripe",
      status: "open",
    });

    const event = {
      ...objects.event,
      id: "evt_standin_1",
      type: "checkout.session.completed",
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          ...objects["checkout.session"],
          id: sessionId,
          payment_status: "paid",
          status: "complete",
          amount_total: 1000,
          currency: "usd",
          metadata: { workspaceId },
        },
      },
    };
    const payload = JSON.stringify(event);
    const res = await webhookRoute(
      new Request("http://localhost/api/webhooks/stripe", {
        method: "POST",
        body: payload,
        headers: {
          "stripe-signature": stripe().webhooks.generateTestHeaderString({
            payload,
            secret: webhookSecret(),
          }),
        },
      }),
    );
    expect(res.status).toBe(200);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).balanceMillicredits).toBe(
      (await startingCredits()) + 10_000_000n,
    );
    expect(await db.payment.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } })).toMatchObject({
      provider: "stripe",
      amountCents: 1000,
    });
  });
});
