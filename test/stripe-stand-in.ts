import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { env } from "@/lib/env";
import objects from "./fixtures/stripe-objects.json";

// A local stand-in for the Stripe API: only the endpoints Tollgate calls, answering with Stripe's
// own fixture shapes (ids, amounts and metadata set from the request). The real Stripe SDK talks to it.
// Tests may seed `subscriptions` (by id) to play an existing Stripe subscription, and may make the
// next subscription update or payment intent fail with a card error (`declineNextUpdate`,
// `declineNextPaymentIntent`). Customers (`cus_…`) have a saved Visa ···4242 as their default card.

type Recorded = { method: string; path: string; body: URLSearchParams };
type Json = Record<string, unknown>;

const metadataOf = (body: URLSearchParams, prefix = "metadata") =>
  Object.fromEntries(
    [...body]
      .filter(([k]) => k.startsWith(`${prefix}[`))
      .map(([k, v]) => [k.slice(prefix.length + 1, -1), v]),
  );

export async function startStripeStandIn() {
  const requests: Recorded[] = [];
  const subscriptions = new Map<string, Json>();
  const state = { declineNextUpdate: false, declineNextPaymentIntent: false };
  const intents = new Map<string, Json>(); // by idempotency key, as Stripe replays them
  let n = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const body = new URLSearchParams(raw);
      const path = (req.url ?? "").split("?")[0];
      requests.push({ method: req.method ?? "", path, body });
      const reply = (status: number, json: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
      const route = `${req.method} ${path.replace(/\/(sub_sched|sub|cs|cus)_[A-Za-z0-9_]+/, "/:id")}`;
      const id = path.split("/")[3];
      switch (route) {
        case "POST /v1/checkout/sessions": {
          const sid = `cs_test_standin_${++n}`;
          return reply(200, {
            ...objects["checkout.session"],
            id: sid,
            mode: body.get("mode"),
            customer_email: body.get("customer_email"),
            success_url: body.get("success_url"),
            cancel_url: body.get("cancel_url"),
            metadata: metadataOf(body),
            status: "open",
            payment_status: "unpaid",
            url: `https://checkout.stripe.test/c/pay/${sid}`,
          });
        }
        case "POST /v1/prices":
          return reply(200, {
            ...objects.price,
            id: `price_standin_${++n}`,
            unit_amount: Number(body.get("unit_amount")),
            currency: body.get("currency"),
            metadata: metadataOf(body),
          });
        case "POST /v1/coupons":
          return reply(200, {
            ...objects.coupon,
            id: `coupon_standin_${++n}`,
            percent_off: Number(body.get("percent_off")),
            duration: body.get("duration"),
            name: body.get("name"),
            metadata: metadataOf(body),
          });
        case "GET /v1/subscriptions/:id": {
          const sub = subscriptions.get(id);
          return sub
            ? reply(200, sub)
            : reply(404, {
                error: { type: "invalid_request_error", message: `No such subscription: '${id}'` },
              });
        }
        case "POST /v1/subscriptions/:id": {
          const sub = subscriptions.get(id);
          if (!sub)
            return reply(404, {
              error: { type: "invalid_request_error", message: `No such subscription: '${id}'` },
            });
          if (state.declineNextUpdate) {
            state.declineNextUpdate = false;
            return reply(402, {
              error: {
                type: "card_error",
                code: "card_declined",
                decline_code: "generic_decline",
                message: "Your card was declined.",
              },
            });
          }
          const updated = {
            ...sub,
            metadata: { ...(sub.metadata as Json), ...metadataOf(body) },
            ...(body.has("cancel_at_period_end")
              ? { cancel_at_period_end: body.get("cancel_at_period_end") === "true" }
              : {}),
          };
          subscriptions.set(id, updated);
          return reply(200, updated);
        }
        case "DELETE /v1/subscriptions/:id": {
          const sub = subscriptions.get(id);
          return sub
            ? reply(200, { ...sub, status: "canceled" })
            : reply(404, { error: { type: "invalid_request_error", message: "No such subscription" } });
        }
        case "POST /v1/subscription_schedules": {
          const from = subscriptions.get(body.get("from_subscription") ?? "");
          const sid = `sub_sched_standin_${++n}`;
          if (from) subscriptions.set(from.id as string, { ...from, schedule: sid });
          return reply(200, {
            ...objects.subscription_schedule,
            id: sid,
            subscription: from?.id ?? null,
            status: "active",
            phases: [
              {
                ...objects.subscription_schedule.phases[0],
                start_date: 1_700_000_000,
                end_date: 1_702_592_000,
              },
            ],
          });
        }
        case "GET /v1/subscription_schedules/:id":
        case "POST /v1/subscription_schedules/:id":
          return reply(200, {
            ...objects.subscription_schedule,
            id,
            status: "active",
            phases: [
              {
                ...objects.subscription_schedule.phases[0],
                start_date: 1_700_000_000,
                end_date: 1_702_592_000,
              },
            ],
          });
        case "POST /v1/subscription_schedules/:id/release":
          return reply(200, { ...objects.subscription_schedule, id, status: "released" });
        case "GET /v1/customers/:id":
          return reply(200, {
            ...objects.customer,
            id,
            invoice_settings: {
              ...((objects.customer as Json).invoice_settings as Json),
              default_payment_method: {
                id: "pm_standin_visa",
                object: "payment_method",
                type: "card",
                card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2040 },
              },
            },
          });
        case "POST /v1/payment_intents": {
          const key = String(req.headers["idempotency-key"] ?? "");
          if (key && intents.has(key)) return reply(200, intents.get(key));
          if (state.declineNextPaymentIntent) {
            state.declineNextPaymentIntent = false;
            return reply(402, {
              error: {
                type: "card_error",
                code: "card_declined",
                decline_code: "insufficient_funds",
                message: "Your card has insufficient funds.",
              },
            });
          }
          const intent = {
            id: `pi_standin_${++n}`,
            object: "payment_intent",
            amount: Number(body.get("amount")),
            amount_received: Number(body.get("amount")),
            currency: body.get("currency"),
            customer: body.get("customer"),
            payment_method: body.get("payment_method"),
            status: "succeeded",
            metadata: metadataOf(body),
            latest_charge: `ch_standin_${n}`,
            livemode: false,
          };
          if (key) intents.set(key, intent);
          return reply(200, intent);
        }
        case "POST /v1/refunds":
          return reply(200, {
            ...objects.refund,
            id: `re_standin_${++n}`,
            amount: Number(body.get("amount")),
            payment_intent: body.get("payment_intent"),
            charge: body.get("charge"),
            metadata: metadataOf(body),
          });
        case "POST /v1/billing_portal/sessions":
          return reply(200, {
            ...objects["billing_portal.session"],
            id: `bps_standin_${++n}`,
            customer: body.get("customer"),
            return_url: body.get("return_url"),
            url: `https://billing.stripe.test/p/session/${n}`,
          });
      }
      reply(404, {
        error: {
          type: "invalid_request_error",
          message: `Unrecognized request URL (${req.method}: ${req.url})`,
        },
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  /** Plays an existing Stripe subscription (fixture shape) with the given id and customer. */
  const seedSubscription = (subId: string, customer: string) =>
    subscriptions.set(subId, {
      ...objects.subscription,
      id: subId,
      customer,
      status: "active",
      schedule: null,
      metadata: {},
      cancel_at_period_end: false,
    });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    state,
    seedSubscription,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * Starts a stand-in for the test file and points the real Stripe SDK at it (STRIPE_SECRET_KEY set,
 * so provider calls go to Stripe); call the returned function inside tests to reach the stand-in.
 */
export function withStripeStandIn() {
  let standIn: Awaited<ReturnType<typeof startStripeStandIn>>;
  beforeAll(async () => {
    standIn = await startStripeStandIn();
    Object.assign(env, {
      STRIPE_SECRET_KEY: "sk_test_standin",
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: standIn.port,
      STRIPE_API_PROTOCOL: "http",
    });
  });
  afterAll(() => standIn.close());
  return () => standIn;
}
