import { startingCredits } from "@/test/factories";
import { describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/webhooks/stripe/route";
import { db } from "@/lib/db";
import { balanceOf, buyer, signedRequest, subscribed } from "@/test/payments";
import objects from "@/test/fixtures/stripe-objects.json";
import { startCreditPackCheckout } from "./checkout";
import { listWebhookEvents } from "./events";
import { stripe, webhookSecret } from "./stripe";

// Signed by the webhook secret, so genuinely from Stripe (or the local provider), but not an event
// Tollgate can apply: each answers 400 (Stripe stops retrying), is kept as rejected with the reason,
// moves no money, and answers 400 again when redelivered.

/** Signs any body text, JSON or not. */
function signedRaw(payload: string) {
  const signature = stripe().webhooks.generateTestHeaderString({ payload, secret: webhookSecret() });
  return new Request("http://localhost/api/webhooks/stripe", {
    method: "POST",
    body: payload,
    headers: { "stripe-signature": signature },
  });
}

let n = 0;
const now = () => Math.floor(Date.now() / 1000);
/** A signed-shape Stripe event of `type` about `object`, created now. */
const stripeEvent = (id: string, type: string, object: unknown) => ({
  ...objects.event,
  id,
  created: now(),
  type,
  data: { object },
});

/** A buyer with a credit pack checkout waiting for its checkout.session.completed. */
async function pendingPack() {
  const b = await buyer();
  const { url } = await startCreditPackCheckout(b, "credits-10k");
  const checkoutId = url.split("/").pop()!;
  const session = {
    ...objects["checkout.session"],
    id: checkoutId,
    payment_status: "paid",
    status: "complete",
    amount_total: 1000,
    currency: "usd",
    payment_intent: `pi_${checkoutId}`,
    metadata: { checkoutId },
  };
  const event = (object: unknown, over: Record<string, unknown> = {}) => ({
    ...objects.event,
    id: `evt_malformed_${++n}_${checkoutId}`,
    created: now(),
    type: "checkout.session.completed",
    data: { object },
    ...over,
  });
  return { b, checkoutId, session, event };
}

type Case = [name: string, body: (p: Awaited<ReturnType<typeof pendingPack>>) => unknown, reason: RegExp];
const deep = (levels: number): unknown => (levels === 0 ? "bottom" : { next: deep(levels - 1) });

const cases: Case[] = [
  ["a JSON string", () => "x", /^Malformed event: event: Invalid input: expected object, received string\.$/],
  ["a JSON array", () => [], /expected object/],
  ["JSON null", () => null, /expected object/],
  ["a JSON number", () => 42, /expected object/],
  ["no id", ({ event, session }) => ({ ...event(session), id: undefined }), /id: /],
  [
    "an id with a space",
    ({ event, session }) => event(session, { id: "evt bad" }),
    /id: must be printable ASCII/,
  ],
  [
    "an id of 300 characters",
    ({ event, session }) => event(session, { id: `evt_${"x".repeat(296)}` }),
    /id: /,
  ],
  ["no type", ({ event, session }) => ({ ...event(session), type: undefined }), /type: /],
  ["created as a string", ({ event, session }) => event(session, { created: "yesterday" }), /created: /],
  ["created before 1970", ({ event, session }) => event(session, { created: -5 }), /created: /],
  ["created in the year 300000", ({ event, session }) => event(session, { created: 1e13 }), /created: /],
  ["no data", ({ event, session }) => ({ ...event(session), data: undefined }), /data: /],
  ["no data.object", ({ event }) => ({ ...event(null), data: {} }), /data\.object: /],
  ['data.object "x"', ({ event }) => event("x"), /data\.object: /],
  ["data.object an array", ({ event }) => event([]), /data\.object: /],
  [
    "a checkout session without metadata",
    ({ event, session }) => event({ ...session, metadata: undefined }),
    /checkout\.session\.completed event: data\.object\.metadata: /,
  ],
  [
    "a checkout session without an id",
    ({ event, session }) => event({ ...session, id: undefined }),
    /data\.object\.id: /,
  ],
  [
    "a checkout id that is a number",
    ({ event, session }) => event({ ...session, metadata: { checkoutId: 42 } }),
    /data\.object\.metadata/,
  ],
  [
    "an amount as a string",
    ({ event, session }) => event({ ...session, amount_total: "1000" }),
    /data\.object\.amount_total: /,
  ],
  [
    "an amount past 32 bits",
    ({ event, session }) => event({ ...session, amount_total: 2 ** 31 }),
    /data\.object\.amount_total: /,
  ],
  [
    "a fractional amount",
    ({ event, session }) => event({ ...session, amount_total: 10.5 }),
    /data\.object\.amount_total: /,
  ],
  [
    "a currency that is not a code",
    ({ event, session }) => event({ ...session, currency: "dollars" }),
    /data\.object\.currency: /,
  ],
  [
    "no payment_status",
    ({ event, session }) => event({ ...session, payment_status: undefined }),
    /data\.object\.payment_status: /,
  ],
  [
    "a payment intent that is a number",
    ({ event, session }) => event({ ...session, payment_intent: 7 }),
    /data\.object\.payment_intent: /,
  ],
  [
    "NUL in a metadata value",
    ({ event, session }) => event({ ...session, metadata: { checkoutId: session.id, note: "a\u0000b" } }),
    /NUL or invalid Unicode/,
  ],
  [
    "a lone surrogate in a key",
    ({ event, session }) => event({ ...session, ["k\udc00"]: 1 }),
    /NUL or invalid Unicode/,
  ],
  [
    "metadata 40 levels deep",
    ({ event, session }) => event({ ...session, extra: deep(40) }),
    /nested deeper than 32 levels/,
  ],
  [
    "a subscription update whose cancel flag is a string",
    ({ event }) =>
      event(
        { id: "sub_x", status: "active", cancel_at_period_end: "yes" },
        { type: "customer.subscription.updated" },
      ),
    /cancel_at_period_end: /,
  ],
  [
    "a subscription update without an id",
    ({ event }) =>
      event({ status: "active", cancel_at_period_end: false }, { type: "customer.subscription.updated" }),
    /data\.object\.id: /,
  ],
  [
    "a subscription deletion with a date as text",
    ({ event }) =>
      event({ id: "sub_x", status: "canceled", ended_at: "now" }, { type: "customer.subscription.deleted" }),
    /ended_at: /,
  ],
  [
    "a paid invoice without an amount",
    ({ event }) => event({ ...objects.invoice, amount_paid: undefined }, { type: "invoice.paid" }),
    /amount_paid: /,
  ],
  [
    "a paid invoice whose grant is not a number",
    ({ event }) =>
      event({ ...objects.invoice, metadata: { grantMillicredits: "lots" } }, { type: "invoice.paid" }),
    /grantMillicredits must be a whole number/,
  ],
  [
    "a paid invoice with no period at all",
    ({ event }) =>
      event(
        { ...objects.invoice, lines: { data: [] }, period_start: undefined, period_end: undefined },
        { type: "invoice.paid" },
      ),
    /names no service period/,
  ],
  [
    "a failed invoice whose line period is text",
    ({ event }) =>
      event(
        { ...objects.invoice, lines: { data: [{ period: { start: "a", end: 1 } }] } },
        { type: "invoice.payment_failed" },
      ),
    /period\.start: /,
  ],
  [
    "a refund with a negative amount",
    ({ event }) => event({ ...objects.charge, amount_refunded: -5 }, { type: "charge.refunded" }),
    /amount_refunded: /,
  ],
  [
    "a refund without a charge id",
    ({ event }) => event({ ...objects.charge, id: undefined }, { type: "charge.refunded" }),
    /data\.object\.id: /,
  ],
];

async function moneyOf(workspaceId: string, checkoutId: string) {
  const [balance, ledger, payments, checkout] = await Promise.all([
    balanceOf(workspaceId),
    db.ledgerEntry.count({ where: { workspaceId } }),
    db.payment.count({ where: { workspaceId } }),
    db.checkoutSession.findUniqueOrThrow({ where: { id: checkoutId } }),
  ]);
  return { balance, ledger, payments, checkout: checkout.status };
}

describe("signed but malformed Stripe events", () => {
  it.each(cases)(
    "%s: 400, kept as rejected with the reason, no money moved, 400 again on redelivery",
    async (_name, make, reason) => {
      const pack = await pendingPack();
      const before = await moneyOf(pack.b.workspaceId, pack.checkoutId);
      const body = make(pack);
      const payload = JSON.stringify(body);
      const rejectedBefore = await db.webhookEvent.count({ where: { status: "rejected" } });

      const res = await webhookRoute(signedRaw(payload));
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("malformed_event");
      expect(error.message).toMatch(reason);

      const row = await db.webhookEvent.findFirstOrThrow({
        where: { status: "rejected" },
        orderBy: { receivedAt: "desc" },
      });
      expect(row.error).toBe(error.message);
      const id = (body as { id?: unknown } | null)?.id;
      if (typeof id === "string" && /^[\x21-\x7e]{1,255}$/.test(id)) expect(row.id).toBe(id);
      expect(await db.webhookEvent.count({ where: { status: "rejected" } })).toBe(rejectedBefore + 1);

      const again = await webhookRoute(signedRaw(payload));
      expect(again.status).toBe(400);
      expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        status: "rejected",
        error: error.message,
      });
      expect(await db.webhookEvent.count({ where: { status: "rejected" } })).toBe(rejectedBefore + 1);
      expect(await moneyOf(pack.b.workspaceId, pack.checkoutId)).toEqual(before);
    },
  );

  it("a signed body that is not JSON: 400 and kept as rejected", async () => {
    const res = await webhookRoute(signedRaw(`{"id": "evt_cut_off_${now()}", "type":`));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: "malformed_event",
      message: "Malformed event: the body is not JSON.",
    });
    const row = await db.webhookEvent.findFirstOrThrow({
      where: { status: "rejected" },
      orderBy: { receivedAt: "desc" },
    });
    expect(row).toMatchObject({ type: "unknown", error: "Malformed event: the body is not JSON." });
    expect(row.id).toMatch(/^unidentified_[0-9a-f]{32}$/);
  });

  it("the well-formed event for the same checkout still applies afterwards, once", async () => {
    const pack = await pendingPack();
    expect(
      (await webhookRoute(signedRequest(pack.event({ ...pack.session, amount_total: "1000" })))).status,
    ).toBe(400);
    const good = pack.event(pack.session);
    const res = await webhookRoute(signedRequest(good));
    expect(res.status).toBe(200);
    expect(await balanceOf(pack.b.workspaceId)).toBe((await startingCredits()) + 10_000_000n);
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: good.id } })).status).toBe("processed");
  });

  it("an invoice naming a tier that does not exist is rejected, not retried; the plan and balance stay", async () => {
    const s = await subscribed("starter", "month");
    const sub = await s.sub();
    const balance = await balanceOf(s.workspaceId);
    const meta = { tierId: "tier_that_does_not_exist", interval: "month", grantMillicredits: "1000000" };
    const invoice = {
      ...objects.invoice,
      id: `in_ghost_tier_${sub.id}`,
      billing_reason: "subscription_update",
      status: "paid",
      amount_paid: 500,
      metadata: meta,
      parent: {
        type: "subscription_details",
        subscription_details: { subscription: sub.providerSubscriptionId, metadata: meta },
      },
    };
    const event = stripeEvent(`evt_ghost_tier_${sub.id}`, "invoice.paid", invoice);
    for (let i = 0; i < 2; i++) {
      const res = await webhookRoute(signedRequest(event));
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toContain("names an unknown tier tier_that_does_not_exist");
    }
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      status: "rejected",
    });
    expect(await balanceOf(s.workspaceId)).toBe(balance);
    expect(await db.payment.count({ where: { providerInvoiceId: invoice.id } })).toBe(0);
    expect((await s.sub()).tierId).toBe(sub.tierId);
  });

  it("an event that arrives before what it depends on still answers 500, so Stripe retries it", async () => {
    const event = stripeEvent(`evt_early_${now()}_${++n}`, "customer.subscription.updated", {
      id: `sub_not_yet_${n}`,
      status: "active",
      cancel_at_period_end: false,
    });
    expect((await webhookRoute(signedRequest(event))).status).toBe(500);
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("failed");
  });

  it("a type named like an object property is an unhandled type, ignored", async () => {
    const event = stripeEvent(`evt_proto_${now()}_${++n}`, "constructor", {});
    expect((await webhookRoute(signedRequest(event))).status).toBe(200);
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("ignored");
  });

  it("the admin event log filters rejected events", async () => {
    const { events, total } = await listWebhookEvents({ status: "rejected", page: 1, pageSize: 50 });
    expect(total).toBeGreaterThan(0);
    expect(events.every((e) => e.status === "rejected" && e.error)).toBe(true);
  });
});
