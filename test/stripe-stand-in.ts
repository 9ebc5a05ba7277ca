import http from "node:http";
import type { AddressInfo } from "node:net";
import objects from "./fixtures/stripe-objects.json";

// A local stand-in for the Stripe API: only the endpoints Tollgate calls, answering with Stripe's
// own fixture shapes (ids, amounts and metadata set from the request). The real Stripe SDK talks to it.

type Recorded = { method: string; path: string; body: URLSearchParams };

export async function startStripeStandIn() {
  const requests: Recorded[] = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const body = new URLSearchParams(raw);
      requests.push({ method: req.method ?? "", path: req.url ?? "", body });
      const reply = (status: number, json: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
      if (req.method === "POST" && req.url === "/v1/checkout/sessions") {
        const id = `cs_test_standin_${++n}`;
        const metadata = Object.fromEntries([...body].filter(([k]) => k.startsWith("metadata[")).map(([k, v]) => [k.slice(9, -1), v]));
        return reply(200, {
          ...objects["checkout.session"],
          id,
          mode: body.get("mode"),
          customer_email: body.get("customer_email"),
          success_url: body.get("success_url"),
          cancel_url: body.get("cancel_url"),
          metadata,
          status: "open",
          payment_status: "unpaid",
          url: `https://checkout.stripe.test/c/pay/${id}`,
        });
      }
      reply(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${req.url})` } });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { port: (server.address() as AddressInfo).port, requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}
