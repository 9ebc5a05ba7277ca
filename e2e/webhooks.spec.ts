import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  payWithTestCard,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";

type Received = { headers: http.IncomingHttpHeaders; body: string };

// The receiving end of a webhook, on this machine, as a customer's server would be.
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    received,
    url: `http://localhost:${(server.address() as AddressInfo).port}/hooks/tollgate`,
    close: () => server.close(),
  };
}

// The recipe the Webhooks page documents: HMAC-SHA256 over "<t>.<raw body>" with the whole secret.
function verify(secret: string, header: string, body: string) {
  const parts = Object.fromEntries(header.split(",").map((kv) => kv.split("=") as [string, string]));
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest("hex");
  return (
    Math.abs(Date.now() / 1000 - Number(parts.t)) < 300 &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(parts.v1))
  );
}

test("a workspace owner adds a webhook endpoint, subscribes to a plan, and receives a signed subscription.created event shown in the delivery log", async ({
  page,
}) => {
  const receiver = await startReceiver();
  try {
    await signUpVerified(page, uniqueEmail("hooks"));
    await page.goto("/dashboard/webhooks");
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expect(page.getByText("No webhook endpoints yet")).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByRole("checkbox", { name: /subscription\.created/ }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(
      page.getByText("Endpoint added. Reveal its signing secret below to verify deliveries."),
    ).toBeVisible();
    await page.getByRole("button", { name: "Reveal secret" }).click();
    const secret = (await page.getByText(/^whsec_[\w-]+$/).textContent()) ?? "";
    expect(secret).toMatch(/^whsec_[\w-]{20,}$/);

    await page.goto("/dashboard/billing");
    await page.getByRole("button", { name: "Choose Starter monthly" }).click();
    await payWithTestCard(page, "Pay $19");
    await expect(page).toHaveURL(/\/dashboard\/billing\?subscribed=1/);

    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const [delivery] = receiver.received;
    expect(delivery.headers["tollgate-event-type"]).toBe("subscription.created");
    expect(verify(secret, String(delivery.headers["tollgate-signature"]), delivery.body)).toBe(true);
    expect(verify(`${secret}x`, String(delivery.headers["tollgate-signature"]), delivery.body)).toBe(false);
    const event = JSON.parse(delivery.body) as { id: string; type: string; data: Record<string, unknown> };
    expect(event).toMatchObject({ type: "subscription.created", id: expect.stringMatching(/^evt_/) });
    expect(JSON.stringify(event.data)).toContain("starter");

    await page.goto("/dashboard/webhooks");
    const log = page.getByRole("region", { name: "Webhook deliveries" });
    await expect(log).toContainText("subscription.created");
    await expect(log).toContainText("Succeeded");
    await expect(log).toContainText("HTTP 200");
    await expectAccessible(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoHorizontalScroll(page);
  } finally {
    receiver.close();
  }
});
