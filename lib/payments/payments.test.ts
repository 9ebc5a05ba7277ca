import { describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/webhooks/stripe/route";
import { db } from "@/lib/db";
import { createUser, startingCredits } from "@/test/factories";
import { balanceOf, buyer, card, signedRequest } from "@/test/payments";
import { ledgerSum } from "@/test/metering";
import { startCreditPackCheckout } from "./checkout";
import { startSubscriptionCheckout } from "./checkout";
import { setCancelAtPeriodEnd } from "./plans";
import { replayWebhookEvent } from "./events";
import { payLocalCheckout } from "./local";

// Every new workspace holds the free plan's credits for the month from sign-up.
const START = await startingCredits();

describe("credit packs through the local provider", () => {
  it("a paid checkout credits the pack and its bonus once, with a purchase entry and a payment", async () => {
    const b = await buyer();
    const { url } = await startCreditPackCheckout(b, "credits-50k");
    const checkoutId = url.split("/").pop()!;
    await payLocalCheckout(b.user.id, card(checkoutId));
    expect(await balanceOf(b.workspaceId)).toBe(START + 52_500_000n);
    expect(await ledgerSum(b.workspaceId)).toBe(START + 52_500_000n);
    expect(await db.payment.findUniqueOrThrow({ where: { checkoutSessionId: checkoutId } })).toMatchObject({
      amountCents: 5000,
      status: "paid",
      millicredits: 52_500_000n,
    });
    await expect(payLocalCheckout(b.user.id, card(checkoutId))).rejects.toThrow(/already paid/);
    expect(await balanceOf(b.workspaceId)).toBe(START + 52_500_000n);
    // A credit pack has its own receipt (plans keep payment-receipt), written once.
    expect(await db.emailOutbox.count({ where: { to: b.user.email, template: "payment-receipt" } })).toBe(0);
    const receipts = await db.emailOutbox.findMany({
      where: { to: b.user.email, template: "credit-pack-receipt" },
    });
    expect(receipts).toHaveLength(1);
    const payment = await db.payment.findUniqueOrThrow({ where: { checkoutSessionId: checkoutId } });
    expect(receipts[0]).toMatchObject({
      subject: "Receipt: 52,500 credits added to your Demo AI Studio balance",
      idempotencyKey: `receipt:${payment.id}`,
    });
    expect(receipts[0].text).toContain("thanks for buying the 50,000 credits pack");
    expect(receipts[0].text).toContain("New balance: 53,500 credits"); // with the 1,000 free credits of the month
    expect(receipts[0].html).toContain(`/dashboard/billing/receipts/${payment.id}`);
  });

  it("a declined card shows a clear error and changes nothing", async () => {
    const b = await buyer();
    const { url } = await startCreditPackCheckout(b, "credits-10k");
    const checkoutId = url.split("/").pop()!;
    await expect(payLocalCheckout(b.user.id, card(checkoutId, "4000 0000 0000 0002"))).rejects.toThrow(
      "Your card was declined.",
    );
    expect(await balanceOf(b.workspaceId)).toBe(START + 0n);
    expect((await db.checkoutSession.findUniqueOrThrow({ where: { id: checkoutId } })).status).toBe("open");
    expect(await db.payment.count({ where: { workspaceId: b.workspaceId } })).toBe(0);
  });

  it("refuses unverified buyers and other people's checkouts", async () => {
    const unverified = await createUser();
    const { workspaceId } = await db.membership.findFirstOrThrow({ where: { userId: unverified.id } });
    await expect(startCreditPackCheckout({ user: unverified, workspaceId }, "credits-10k")).rejects.toThrow(
      /Confirm your email/,
    );
    const b = await buyer();
    const other = await buyer();
    const { url } = await startCreditPackCheckout(b, "credits-10k");
    await expect(payLocalCheckout(other.user.id, card(url.split("/").pop()!))).rejects.toThrow(/not found/);
  });
});

describe("POST /api/webhooks/stripe", () => {
  async function completedEvent() {
    const b = await buyer();
    const { url } = await startCreditPackCheckout(b, "credits-10k");
    const checkoutId = url.split("/").pop()!;
    const event = {
      id: `evt_test_${checkoutId}`,
      object: "event",
      created: Math.floor(Date.now() / 1000),
      type: "checkout.session.completed",
      data: {
        object: {
          id: checkoutId,
          object: "checkout.session",
          payment_status: "paid",
          amount_total: 1000,
          currency: "usd",
          metadata: { checkoutId },
        },
      },
    };
    return { b, event };
  }

  it("refuses a bad signature with 400 and changes nothing", async () => {
    const { b, event } = await completedEvent();
    const res = await webhookRoute(signedRequest(event, "whsec_someone_else"));
    expect(res.status).toBe(400);
    expect(await balanceOf(b.workspaceId)).toBe(START + 0n);
    expect(await db.webhookEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it("applies an event once, however often and however concurrently it is delivered", async () => {
    const { b, event } = await completedEvent();
    const responses = await Promise.all(Array.from({ length: 5 }, () => webhookRoute(signedRequest(event))));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const results = await Promise.all(responses.map(async (r) => (await r.json()).result));
    expect(results.filter((r) => r === "processed")).toHaveLength(1);
    expect(await balanceOf(b.workspaceId)).toBe(START + 10_000_000n);
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      status: "processed",
      type: "checkout.session.completed",
    });
    expect((await (await webhookRoute(signedRequest(event))).json()).result).toBe("duplicate");
    expect(await balanceOf(b.workspaceId)).toBe(START + 10_000_000n);
    expect(await db.emailOutbox.count({ where: { to: b.user.email, template: "credit-pack-receipt" } })).toBe(
      1,
    );
  });

  it("records an event type it does not handle as ignored", async () => {
    const res = await webhookRoute(
      signedRequest({
        id: "evt_test_unhandled",
        object: "event",
        created: 1,
        type: "product.created",
        data: { object: {} },
      }),
    );
    expect(res.status).toBe(200);
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: "evt_test_unhandled" } })).status).toBe(
      "ignored",
    );
  });
});

describe("a first paid plan through the local provider", () => {
  it("starts the subscription, switches the workspace to the daily quota and grants the included credits once", async () => {
    const b = await buyer();
    const { url } = await startSubscriptionCheckout(b, "starter", "year");
    const checkoutId = url.split("/").pop()!;
    await payLocalCheckout(b.user.id, card(checkoutId));
    const sub = await db.subscription.findFirstOrThrow({
      where: { workspaceId: b.workspaceId },
      include: { tier: true },
    });
    expect(sub).toMatchObject({
      interval: "year",
      status: "active",
      provider: "local",
      tier: { code: "starter" },
    });
    expect(sub.currentPeriodEnd.getTime() - sub.currentPeriodStart.getTime()).toBe(365 * 864e5);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: b.workspaceId } })).accountType).toBe(
      "subscription",
    );
    expect(await balanceOf(b.workspaceId)).toBe(20_000_000n);
    expect(await db.payment.findUniqueOrThrow({ where: { checkoutSessionId: checkoutId } })).toMatchObject({
      amountCents: 19_000,
    });
    const receipts = await db.emailOutbox.findMany({
      where: { to: b.user.email, template: { in: ["payment-receipt", "credit-pack-receipt"] } },
    });
    expect(receipts.map((r) => [r.template, r.subject])).toEqual([
      ["payment-receipt", "Your Demo AI Studio receipt: Starter plan (annual)"],
    ]);
    await expect(startSubscriptionCheckout(b, "pro", "month")).rejects.toThrow(/already on Starter/);
  });
});

describe("the admin event log", () => {
  it("records a failing event, and a replay after the cause is fixed applies it once", async () => {
    const b = await buyer();
    const { url } = await startCreditPackCheckout(b, "credits-10k");
    const checkoutId = url.split("/").pop()!;
    const realPack = (await db.checkoutSession.findUniqueOrThrow({ where: { id: checkoutId } }))
      .creditPackId!;
    await db.checkoutSession.update({ where: { id: checkoutId }, data: { creditPackId: "missing-pack" } });
    const event = {
      id: `evt_replay_${checkoutId}`,
      object: "event",
      created: 1,
      type: "checkout.session.completed",
      data: { object: { id: checkoutId, payment_status: "paid", metadata: { checkoutId } } },
    };
    expect((await webhookRoute(signedRequest(event))).status).toBe(500);
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/No record|not found/i),
    });
    expect(await balanceOf(b.workspaceId)).toBe(START + 0n);

    await db.checkoutSession.update({ where: { id: checkoutId }, data: { creditPackId: realPack } });
    expect(await replayWebhookEvent({ id: "admin", email: "admin@example.test" }, event.id)).toBe(
      "processed",
    );
    expect(await balanceOf(b.workspaceId)).toBe(START + 10_000_000n);
    await expect(replayWebhookEvent(null, event.id)).rejects.toThrow(/already applied/);
    expect(await balanceOf(b.workspaceId)).toBe(START + 10_000_000n);
  });
});

describe("cancel at period end and resume", () => {
  it("flips through the provider's subscription event, and an older event never overwrites a newer one", async () => {
    const b = await buyer();
    const { url } = await startSubscriptionCheckout(b, "pro", "month");
    await payLocalCheckout(b.user.id, card(url.split("/").pop()!));
    const sub = () =>
      db.subscription.findFirstOrThrow({ where: { workspaceId: b.workspaceId, status: "active" } });
    const actor = { id: b.user.id, email: b.user.email };

    await setCancelAtPeriodEnd(actor, b.workspaceId, true);
    expect((await sub()).cancelAtPeriodEnd).toBe(true);
    await setCancelAtPeriodEnd(actor, b.workspaceId, false);
    expect((await sub()).cancelAtPeriodEnd).toBe(false);

    // A delayed delivery from an hour ago (it said "cancel") arrives last and is ignored.
    const stale = {
      id: `evt_stale_${b.workspaceId}`,
      object: "event",
      created: Math.floor(Date.now() / 1000) - 3600,
      type: "customer.subscription.updated",
      data: {
        object: {
          id: (await sub()).providerSubscriptionId,
          object: "subscription",
          status: "active",
          cancel_at_period_end: true,
        },
      },
    };
    expect((await webhookRoute(signedRequest(stale))).status).toBe(200);
    expect((await sub()).cancelAtPeriodEnd).toBe(false);
    expect(
      await db.auditLog.count({
        where: {
          targetId: (await sub()).id,
          action: { in: ["subscription.cancel_at_period_end", "subscription.resume"] },
        },
      }),
    ).toBe(2);
  });
});
