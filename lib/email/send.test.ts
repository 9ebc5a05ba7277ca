import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendEmail } from "./send";

// A local stand-in for Resend's API: records requests and answers as told.
const received: { headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: { id: "re_123" } };
const server = http.createServer((req, res) => {
  let data = "";
  req.on("data", (c) => (data += c));
  req.on("end", () => {
    received.push({ headers: req.headers, body: JSON.parse(data) });
    res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  env.RESEND_API_KEY = undefined;
  received.length = 0;
  answer = { status: 200, body: { id: "re_123" } };
});

const welcome = (key: string, to = "someone@example.test") => ({
  template: "welcome" as const,
  to,
  props: { name: "Ada", dashboardUrl: "http://localhost:3000/dashboard" },
  idempotencyKey: key,
});

describe("sendEmail", () => {
  it("keeps the email in the outbox when no Resend key is configured", async () => {
    const row = await sendEmail(welcome(randomUUID()));
    expect(row).toMatchObject({ status: "queued", subject: "Welcome to Tollgate" });
    expect(row.html).toContain("Open your dashboard");
    expect(row.text).toContain("http://localhost:3000/dashboard");
    expect(received).toHaveLength(0);
  });

  it("sends through Resend with the idempotency key and records the provider id", async () => {
    env.RESEND_API_KEY = "re_test_key";
    const key = randomUUID();
    const row = await sendEmail(welcome(key));
    expect(row).toMatchObject({ status: "sent", providerId: "re_123", attempts: 1 });
    expect(received).toHaveLength(1);
    expect(received[0].headers["idempotency-key"]).toBe(key);
    expect(received[0].headers.authorization).toBe("Bearer re_test_key");
    expect(received[0].body).toMatchObject({ to: "someone@example.test", subject: "Welcome to Tollgate" });
  });

  it("sends once for one idempotency key, however often it is called", async () => {
    env.RESEND_API_KEY = "re_test_key";
    const key = randomUUID();
    await Promise.all([sendEmail(welcome(key)), sendEmail(welcome(key))]);
    await sendEmail(welcome(key));
    expect(await db.emailOutbox.count({ where: { idempotencyKey: key } })).toBe(1);
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: key } })).status).toBe("sent");
  });

  it("records a provider failure and keeps the email for a retry", async () => {
    env.RESEND_API_KEY = "re_test_key";
    answer = { status: 500, body: { name: "application_error", message: "Resend is down", statusCode: 500 } };
    const row = await sendEmail(welcome(randomUUID()));
    expect(row.status).toBe("failed");
    expect(row.lastError).toMatch(/Resend is down/);
    expect(row.html).toContain("Open your dashboard");
  });
});
