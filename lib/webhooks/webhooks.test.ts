import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { changeBalance } from "@/lib/billing/ledger";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { jobQueue } from "@/lib/jobs/boss";
import { handlers } from "@/lib/jobs/handlers";
import { queues } from "@/lib/jobs/queues";
import { startSubscriptionCheckout } from "@/lib/payments/checkout";
import { payLocalCheckout } from "@/lib/payments/local";
import { createUser, creditsOnly } from "@/test/factories";
import { buyer, card } from "@/test/payments";
import { attemptWebhookDelivery } from "./deliver";
import {
  createWebhookEndpoint,
  parseEndpointUrl,
  setWebhookEndpointEnabled,
  type WebhookActor,
} from "./endpoints";
import { emitWebhookEvent } from "./events";
import { replayDelivery } from "./replay";
import { verifyWebhookSignature } from "./sign";

type Request = { path: string; headers: IncomingHttpHeaders; body: string };

/** A receiver on a free local port; `answer` decides each response's status, `delayMs` holds it. */
async function receiver(answer: () => number = () => 200, delayMs = 0) {
  const requests: Request[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      requests.push({ path: req.url ?? "", headers: req.headers, body });
      setTimeout(() => res.writeHead(answer()).end("ok"), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url: (path = "/hook") => `http://127.0.0.1:${port}${path}`, requests, close };
}

const workspaces: string[] = [];
afterAll(async () => {
  // Pending deliveries left behind would be picked up by other files' dispatches.
  await db.webhookEndpoint.deleteMany({ where: { workspaceId: { in: workspaces } } });
});

async function owner() {
  const user = await createUser({ verified: true });
  const { workspaceId } = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
  workspaces.push(workspaceId);
  return { user, workspaceId, actor: { id: user.id, email: user.email } as WebhookActor };
}

const retryLimit = queues["webhook-deliver"].options.retryLimit;
/** What the webhook-deliver worker runs for one job; `retryCount` as pg-boss counts it. */
const runJob = (deliveryId: string, retryCount = 0) =>
  handlers["webhook-deliver"]({ data: { deliveryId }, retryCount, retryLimit } as never);
const pendingFor = (workspaceId: string) =>
  db.webhookDelivery.findMany({
    where: { status: "pending", endpoint: { workspaceId } },
    orderBy: { createdAt: "asc" },
  });
async function deliverPending(workspaceId: string) {
  for (const d of await pendingFor(workspaceId)) await runJob(d.id);
}
const emit = (
  workspaceId: string,
  type: Parameters<typeof emitWebhookEvent>[1]["type"],
  data: Record<string, unknown> = {},
) => db.$transaction((tx) => emitWebhookEvent(tx, { workspaceId, type, data }));

describe("outgoing webhooks", () => {
  it("deliver an event once to each enabled, subscribed endpoint, signed so the documented recipe accepts it", async () => {
    const { workspaceId, actor } = await owner();
    const hook = await receiver();
    try {
      const subscribed = await createWebhookEndpoint(actor, workspaceId, {
        url: hook.url("/subscribed"),
        description: "prod",
        eventTypes: ["subscription.created", "credits.low"],
      });
      await createWebhookEndpoint(actor, workspaceId, {
        url: hook.url("/other-type"),
        description: "",
        eventTypes: ["quota.warning"],
      });
      const off = await createWebhookEndpoint(actor, workspaceId, {
        url: hook.url("/disabled"),
        description: "",
        eventTypes: ["subscription.created"],
      });
      await setWebhookEndpointEnabled(actor, workspaceId, off.id, false);

      const eventId = await emit(workspaceId, "subscription.created", { subscription: { tier: "pro" } });
      expect(eventId).toMatch(/^evt_/);
      await deliverPending(workspaceId);
      await deliverPending(workspaceId); // a redelivered job sends nothing twice
      await Promise.all(
        (await db.webhookDelivery.findMany({ where: { eventId: eventId! } })).map((d) => runJob(d.id)),
      );

      expect(hook.requests.map((r) => r.path)).toEqual(["/subscribed"]);
      const [req] = hook.requests;
      expect(req.headers["content-type"]).toBe("application/json");
      expect(req.headers["tollgate-event-id"]).toBe(eventId);
      expect(req.headers["tollgate-event-type"]).toBe("subscription.created");
      const payload = JSON.parse(req.body) as Record<string, unknown>;
      expect(payload).toMatchObject({
        id: eventId,
        type: "subscription.created",
        workspaceId,
        data: { subscription: { tier: "pro" } },
      });
      expect(Math.abs(Number(payload.created) - Date.now() / 1000)).toBeLessThan(60);

      const header = String(req.headers["tollgate-signature"]);
      expect(verifyWebhookSignature(subscribed.secret, header, req.body)).toBe(true);
      expect(verifyWebhookSignature(subscribed.secret, header, req.body.replace("pro", "free"))).toBe(false);
      expect(verifyWebhookSignature(`${subscribed.secret}x`, header, req.body)).toBe(false);
      expect(verifyWebhookSignature(subscribed.secret, header, req.body, 300, Date.now() / 1000 + 600)).toBe(
        false,
      );
      // The recipe by hand, as a receiver without Tollgate's code would write it.
      const { t, v1 } = Object.fromEntries(header.split(",").map((p) => p.split("=", 2))) as {
        t: string;
        v1: string;
      };
      const expected = createHmac("sha256", subscribed.secret).update(`${t}.${req.body}`).digest();
      expect(timingSafeEqual(Buffer.from(v1, "hex"), expected)).toBe(true);

      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: subscribed.id } });
      expect(delivery).toMatchObject({
        status: "succeeded",
        attempts: 1,
        lastStatusCode: 200,
        idempotencyKey: `${subscribed.id}:${eventId}`,
      });
      expect(await db.webhookDelivery.count({ where: { endpointId: off.id } })).toBe(0);
    } finally {
      await hook.close();
    }
  });

  it("retry a receiver that answers 500 until the last retry, then fail; a replay sends the same event again", async () => {
    const { workspaceId, actor } = await owner();
    let status = 500;
    const hook = await receiver(() => status);
    try {
      const endpoint = await createWebhookEndpoint(actor, workspaceId, {
        url: hook.url(),
        description: "",
        eventTypes: ["payment.failed"],
      });
      const eventId = await emit(workspaceId, "payment.failed", { invoiceId: "in_123" });
      const [delivery] = await pendingFor(workspaceId);
      for (let retryCount = 0; retryCount < retryLimit; retryCount++) {
        await expect(runJob(delivery.id, retryCount)).rejects.toThrow("HTTP 500");
        expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
          status: "pending",
          attempts: retryCount + 1,
        });
      }
      await runJob(delivery.id, retryLimit); // the last retry: no throw, the queue is done with it
      const failed = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      expect(failed).toMatchObject({
        status: "failed",
        lastStatusCode: 500,
        lastError: "HTTP 500",
        attempts: retryLimit + 1,
      });
      expect(hook.requests.length).toBe(retryLimit + 1);

      status = 204;
      const replay = await replayDelivery(actor, delivery.id);
      expect(replay).toMatchObject({
        eventId,
        replayOfId: delivery.id,
        status: "succeeded",
        lastStatusCode: 204,
        idempotencyKey: `${endpoint.id}:${eventId}:replay:1`,
      });
      expect(hook.requests.at(-1)?.headers["tollgate-event-id"]).toBe(eventId);
      expect(JSON.parse(hook.requests.at(-1)!.body)).toEqual(JSON.parse(hook.requests[0].body));
      expect(
        await db.auditLog.count({ where: { action: "webhook_delivery.replay", targetId: replay.id } }),
      ).toBe(1);
      expect((await replayDelivery(actor, delivery.id)).idempotencyKey).toBe(
        `${endpoint.id}:${eventId}:replay:2`,
      );
    } finally {
      await hook.close();
    }
  });

  it("send one request when several workers attempt the same delivery at once", async () => {
    const { workspaceId, actor } = await owner();
    const hook = await receiver(() => 200, 300);
    try {
      await createWebhookEndpoint(actor, workspaceId, {
        url: hook.url(),
        description: "",
        eventTypes: ["quota.exceeded"],
      });
      await emit(workspaceId, "quota.exceeded");
      const [delivery] = await pendingFor(workspaceId);
      await Promise.all([1, 2, 3, 4].map(() => attemptWebhookDelivery(delivery.id)));
      expect(hook.requests).toHaveLength(1);
      expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
        status: "succeeded",
        attempts: 1,
      });
    } finally {
      await hook.close();
    }
  });
});

describe("events raised by the product", () => {
  it("subscription.created when a plan is bought through the local checkout, handed to the delivery queue", async () => {
    const b = await buyer();
    workspaces.push(b.workspaceId);
    const hook = await receiver();
    try {
      const endpoint = await createWebhookEndpoint(b.actor, b.workspaceId, {
        url: hook.url(),
        description: "",
        eventTypes: ["subscription.created", "subscription.canceled"],
      });
      const { url } = await startSubscriptionCheckout(b, "pro", "month");
      await payLocalCheckout(b.user.id, card(url.split("/").pop()!));
      const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
      expect(deliveries.map((d) => d.eventType)).toEqual(["subscription.created"]);
      expect(deliveries[0].payload).toMatchObject({
        type: "subscription.created",
        workspaceId: b.workspaceId,
        data: { subscription: { tier: "pro", interval: "month", status: "active" } },
      });
      const boss = await jobQueue();
      const jobs = await boss.fetch<{ deliveryId: string }>("webhook-deliver", { batchSize: 100 });
      expect(jobs.filter((j) => j.data.deliveryId === deliveries[0].id)).toHaveLength(1);
      await runJob(deliveries[0].id);
      expect(hook.requests).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it("credits.low once per crossing, however many alert checks run at once", async () => {
    const { workspaceId, actor } = await owner();
    await creditsOnly(workspaceId); // the purchase below is its only credit
    const endpoint = await createWebhookEndpoint(actor, workspaceId, {
      url: "http://127.0.0.1:9/unused",
      description: "",
      eventTypes: ["credits.low", "quota.warning"],
    });
    await changeBalance({
      workspaceId,
      amountMillicredits: 100_000n,
      kind: "purchase",
      reference: `test:${randomUUID()}`,
    });
    await changeBalance({
      workspaceId,
      amountMillicredits: -95_000n,
      kind: "usage",
      reference: `test:${randomUUID()}`,
    });
    const check = () => handlers["alerts-check"]({ data: { workspaceId } } as never);
    await check();
    await Promise.all([check(), check(), check()]);
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(deliveries.map((d) => d.eventType)).toEqual(["credits.low"]);
    expect(deliveries[0].payload).toMatchObject({ data: { balance: "5000", threshold: "10000" } });
  });
});

describe("who manages endpoints", () => {
  it("refuses members and billing members; accepts workspace admins", async () => {
    const { workspaceId } = await owner();
    const input = { url: "https://example.com/hooks", description: "", eventTypes: ["credits.low"] };
    for (const role of ["member", "billing", "admin"] as const) {
      const u = await createUser({ verified: true });
      await db.membership.create({ data: { userId: u.id, workspaceId, role } });
      const attempt = createWebhookEndpoint({ id: u.id, email: u.email }, workspaceId, input);
      if (role === "admin") await expect(attempt).resolves.toMatchObject({ url: input.url });
      else await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.webhookEndpoint.count({ where: { workspaceId } })).toBe(1);
  });

  it("accepts https anywhere and http only for localhost in production", () => {
    expect(parseEndpointUrl("https://example.com/x", true)).toBe("https://example.com/x");
    expect(parseEndpointUrl("http://localhost:4000/x", true)).toBe("http://localhost:4000/x");
    expect(() => parseEndpointUrl("http://example.com/x", true)).toThrow("https");
    expect(parseEndpointUrl("http://example.com/x", false)).toBe("http://example.com/x");
    expect(() => parseEndpointUrl("ftp://example.com", false)).toThrow();
    expect(() => parseEndpointUrl("not a url", false)).toThrow("full URL");
  });
});

describe("private network destinations", () => {
  it("in production refuses to save or deliver to one, and the receiver hears nothing", async () => {
    const { workspaceId, actor } = await owner();
    const hook = await receiver();
    try {
      const endpoint = await createWebhookEndpoint(actor, workspaceId, {
        url: hook.url(),
        description: "",
        eventTypes: ["credits.low"],
      });
      await emit(workspaceId, "credits.low");
      env.WEBHOOK_ALLOW_PRIVATE_URLS = false;
      await expect(
        createWebhookEndpoint(actor, workspaceId, {
          url: hook.url("/new"),
          description: "",
          eventTypes: ["credits.low"],
        }),
      ).rejects.toThrow("private network");
      const [delivery] = await pendingFor(workspaceId);
      await attemptWebhookDelivery(delivery.id, { final: true });
      const after = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      expect(after).toMatchObject({ status: "failed", lastStatusCode: null });
      expect(after.lastError).toMatch(/^Not sent: 127\.0\.0\.1 resolves to a private network address/);
      expect(hook.requests).toHaveLength(0);
      expect(await db.webhookEndpoint.count({ where: { workspaceId } })).toBe(1);
      expect(endpoint.url).toBe(hook.url());
    } finally {
      env.WEBHOOK_ALLOW_PRIVATE_URLS = undefined;
      await hook.close();
    }
  });

  it("in production refuses a name that does not resolve, with a message the form can show", async () => {
    const { workspaceId, actor } = await owner();
    env.WEBHOOK_ALLOW_PRIVATE_URLS = false;
    try {
      await expect(
        createWebhookEndpoint(actor, workspaceId, {
          url: "https://hooks.no-such-host.invalid/x",
          description: "",
          eventTypes: ["credits.low"],
        }),
      ).rejects.toThrow(
        "No address was found for hooks.no-such-host.invalid. Check the host name for typos.",
      );
      expect(await db.webhookEndpoint.count({ where: { workspaceId } })).toBe(0);
    } finally {
      env.WEBHOOK_ALLOW_PRIVATE_URLS = undefined;
    }
  });

  it("in production refuses at connect time a saved name that now resolves to a private address", async () => {
    const { workspaceId, actor } = await owner();
    const hook = await receiver();
    try {
      // Saved while allowed (as if its DNS pointed elsewhere then); "localhost" resolves to loopback now.
      await createWebhookEndpoint(actor, workspaceId, {
        url: hook.url().replace("127.0.0.1", "localhost"),
        description: "",
        eventTypes: ["credits.low"],
      });
      await emit(workspaceId, "credits.low");
      env.WEBHOOK_ALLOW_PRIVATE_URLS = false;
      const [delivery] = await pendingFor(workspaceId);
      await attemptWebhookDelivery(delivery.id, { final: true });
      const after = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      expect(after).toMatchObject({ status: "failed", lastStatusCode: null });
      expect(after.lastError).toMatch(
        /^Not sent: localhost resolves to a private network address \((127\.0\.0\.1|::1)\)/,
      );
      expect(hook.requests).toHaveLength(0);
    } finally {
      env.WEBHOOK_ALLOW_PRIVATE_URLS = undefined;
      await hook.close();
    }
  });
});
