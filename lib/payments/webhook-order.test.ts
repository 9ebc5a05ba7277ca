import { describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/webhooks/stripe/route";
import { db } from "@/lib/db";
import { buyer, signedRequest } from "@/test/payments";
import { startCreditPackCheckout, startSubscriptionCheckout } from "./checkout";
import { handledEventTypes } from "./webhook";

// Stripe delivers at least once and in no particular order, retrying anything answered non-2xx.
// Each scenario is applied once in order, then — on fresh workspaces — with every event delivered
// twice in shuffled orders (failed deliveries retried, as Stripe does). The outcome must be the same.

type Ev = { type: string; object: Record<string, unknown> };
const T0 = Math.floor(Date.now() / 1000) - 3600;
const DAY = 86_400;
let counter = 0;

/** Deterministic shuffles (a seeded LCG), so a failure can be reproduced. */
function shuffled<T>(items: T[], seed: number) {
  const a = [...items];
  let x = seed;
  for (let i = a.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

async function deliver(events: { id: string; created: number; type: string; data: { object: object } }[]) {
  let pending = events;
  for (let round = 0; pending.length > 0; round++) {
    if (round > events.length) throw new Error("events never settled");
    const failed = [];
    for (const e of pending)
      if ((await webhookRoute(signedRequest({ object: "event", ...e }))).status !== 200) failed.push(e);
    pending = failed;
  }
}

// Emails whose sending does not depend on the order of events (a payment-failed email does: an
// invoice already paid never sends one).
const ORDER_FREE_EMAILS = [
  "payment-receipt",
  "credit-pack-receipt",
  "tier-upgraded",
  "subscription-canceled",
];

async function snapshot(workspaceId: string) {
  const owner = await db.membership.findFirstOrThrow({
    where: { workspaceId, role: "owner" },
    include: { user: true },
  });
  const [ws, sub, ledger, payments, emails] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId } }),
    db.subscription.findFirst({ where: { workspaceId }, include: { tier: true } }),
    db.ledgerEntry.groupBy({
      by: ["kind"],
      where: { workspaceId },
      _sum: { amountMillicredits: true },
      orderBy: { kind: "asc" },
    }),
    // A failed attempt is in history only when it arrived before its invoice was paid (like its email).
    db.payment.findMany({
      where: { workspaceId, status: { not: "failed" } },
      select: { kind: true, amountCents: true, refundedCents: true, status: true, millicredits: true },
      orderBy: [{ kind: "asc" }, { amountCents: "asc" }],
    }),
    db.emailOutbox.groupBy({
      by: ["template"],
      where: { to: owner.user.email, template: { in: ORDER_FREE_EMAILS } },
      _count: { _all: true },
      orderBy: { template: "asc" },
    }),
  ]);
  return {
    emails: Object.fromEntries(emails.map((e) => [e.template, e._count._all])),
    accountType: ws.accountType,
    balance: ws.balanceMillicredits,
    ledger: Object.fromEntries(ledger.map((l) => [l.kind, l._sum.amountMillicredits])),
    payments,
    subscription: sub && {
      tier: sub.tier.code,
      interval: sub.interval,
      status: sub.status,
      cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
      periodStart: sub.currentPeriodStart.toISOString(),
      periodEnd: sub.currentPeriodEnd.toISOString(),
      pastDue: sub.pastDueAt !== null,
    },
  };
}

const invoice = (
  id: string,
  subscriptionId: string,
  reason: string,
  amount: number,
  start: number,
  end: number,
  paid: boolean,
  metadata: Record<string, string> = {},
) => ({
  id,
  object: "invoice",
  billing_reason: reason,
  currency: "usd",
  amount_due: amount,
  amount_paid: paid ? amount : 0,
  payment_intent: paid ? `pi_${id}` : null,
  metadata,
  parent: { type: "subscription_details", subscription_details: { subscription: subscriptionId, metadata } },
  lines: { object: "list", data: [{ object: "line_item", amount, period: { start, end } }] },
});

/** Stripe's "checkout completed" for the local checkout `cs`, paid in full. */
const checkoutCompleted = (cs: string, amount: number): Ev => ({
  type: "checkout.session.completed",
  object: {
    id: cs,
    object: "checkout.session",
    payment_status: "paid",
    amount_total: amount,
    currency: "usd",
    payment_intent: `pi_${cs}`,
    metadata: { checkoutId: cs },
  },
});

/** Scenario builders: each makes a fresh workspace and the events Stripe would send about it. */
const scenarios: Record<
  string,
  () => Promise<{ workspaceId: string; events: Ev[]; emails: Record<string, number> }>
> = {
  async "plan: checkout, created, upgrade, cancel, resume, deleted"() {
    const b = await buyer();
    const { url } = await startSubscriptionCheckout(b, "pro", "month");
    const cs = url.split("/").pop()!;
    const sub = `sub_local_${cs.slice("cs_local_".length)}`;
    const enterprise = await db.tier.findUniqueOrThrow({ where: { code: "enterprise" } });
    return {
      workspaceId: b.workspaceId,
      events: [
        checkoutCompleted(cs, 7_900),
        {
          type: "customer.subscription.created",
          object: { id: sub, object: "subscription", status: "active", cancel_at_period_end: false },
        },
        {
          type: "invoice.paid",
          object: invoice(`in_up_${cs}`, sub, "subscription_update", 16_000, T0, T0 + 15 * DAY, true, {
            tierId: enterprise.id,
            interval: "month",
            grantMillicredits: "500000000",
          }),
        },
        {
          type: "customer.subscription.updated",
          object: { id: sub, object: "subscription", status: "active", cancel_at_period_end: true },
        },
        {
          type: "customer.subscription.updated",
          object: { id: sub, object: "subscription", status: "active", cancel_at_period_end: false },
        },
        {
          type: "customer.subscription.deleted",
          object: { id: sub, object: "subscription", status: "canceled", cancel_at_period_end: false },
        },
      ],
      emails: { "payment-receipt": 2, "subscription-canceled": 1, "tier-upgraded": 1 },
    };
  },
  async "renewal: checkout, failed renewal, paid retry, subscription active"() {
    const b = await buyer();
    const { url } = await startSubscriptionCheckout(b, "starter", "month");
    const cs = url.split("/").pop()!;
    const sub = `sub_local_${cs.slice("cs_local_".length)}`;
    const p2 = T0 + 30 * DAY;
    return {
      workspaceId: b.workspaceId,
      events: [
        checkoutCompleted(cs, 1_900),
        {
          type: "invoice.payment_failed",
          object: invoice(`in_p2_${cs}`, sub, "subscription_cycle", 1_900, p2, p2 + 30 * DAY, false),
        },
        {
          type: "invoice.paid",
          object: invoice(`in_p2_${cs}`, sub, "subscription_cycle", 1_900, p2, p2 + 30 * DAY, true),
        },
        {
          type: "customer.subscription.updated",
          object: { id: sub, object: "subscription", status: "active", cancel_at_period_end: false },
        },
      ],
      emails: { "payment-receipt": 2 },
    };
  },
  async "credit pack: paid, refunded in part, then in full"() {
    const b = await buyer();
    const { url } = await startCreditPackCheckout(b, "credits-50k");
    const cs = url.split("/").pop()!;
    const charge = (refunded: number) => ({
      id: `ch_${cs}`,
      object: "charge",
      amount: 5_000,
      amount_refunded: refunded,
      payment_intent: `pi_${cs}`,
      currency: "usd",
      metadata: {},
    });
    return {
      workspaceId: b.workspaceId,
      events: [
        checkoutCompleted(cs, 5_000),
        { type: "charge.refunded", object: charge(1_250) },
        { type: "charge.refunded", object: charge(5_000) },
      ],
      emails: { "credit-pack-receipt": 1 },
    };
  },
  async "credit pack paid with the saved card, then refunded in part"() {
    const b = await buyer();
    const pack = await db.creditPack.findUniqueOrThrow({ where: { code: "credits-10k" } });
    const checkout = await db.checkoutSession.create({
      data: {
        id: `card_order_${b.workspaceId}`,
        workspaceId: b.workspaceId,
        userId: b.user.id,
        kind: "credit_pack",
        provider: "local",
        creditPackId: pack.id,
        amountCents: 1_000,
      },
    });
    const pi = `pi_order_${b.workspaceId}`;
    return {
      workspaceId: b.workspaceId,
      events: [
        {
          type: "payment_intent.succeeded",
          object: {
            id: pi,
            object: "payment_intent",
            amount: 1_000,
            amount_received: 1_000,
            currency: "usd",
            status: "succeeded",
            metadata: { checkoutId: checkout.id },
          },
        },
        {
          type: "charge.refunded",
          object: {
            id: `ch_${pi}`,
            object: "charge",
            amount: 1_000,
            amount_refunded: 250,
            payment_intent: pi,
            currency: "usd",
            metadata: {},
          },
        },
      ],
      emails: { "credit-pack-receipt": 1 },
    };
  },
};

describe("webhook deliveries twice and out of order", () => {
  it("the scenarios cover every handled event type", () => {
    const covered = new Set<string>();
    // Scenario builders are async only for their database setup; their event types are fixed.
    for (const t of [
      "checkout.session.completed",
      "customer.subscription.created",
      "customer.subscription.updated",
      "customer.subscription.deleted",
      "invoice.paid",
      "invoice.payment_failed",
      "charge.refunded",
      "payment_intent.succeeded",
    ])
      covered.add(t);
    expect([...covered].sort()).toEqual([...handledEventTypes].sort());
  });

  for (const [name, build] of Object.entries(scenarios)) {
    it(`${name}: same state as one in-order delivery`, async () => {
      const stamp = (events: Ev[]) =>
        events.map((e, i) => ({
          id: `evt_order_${++counter}`,
          created: T0 + i * 60,
          type: e.type,
          data: { object: e.object },
        }));
      const inOrder = await build();
      await deliver(stamp(inOrder.events));
      const expected = await snapshot(inOrder.workspaceId);
      // Each email once, and the same ones in every order below (every event delivered twice).
      expect(expected.emails).toEqual(inOrder.emails);
      expect(expected.balance).toBe(
        expected.ledger ? Object.values(expected.ledger).reduce((a, b) => a! + b!, 0n) : 0n,
      );

      for (const seed of [1, 7, 42, 1234]) {
        const run = await build();
        const events = stamp(run.events);
        await deliver(shuffled([...events, ...events], seed));
        expect(await snapshot(run.workspaceId), `shuffle seed ${seed}`).toEqual(expected);
      }
    });
  }
});
