import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { handlers } from "@/lib/jobs/handlers";
import { jobQueue } from "@/lib/jobs/boss";
import { readUnsubscribeToken, setEmailPreference, unsubscribeUrl } from "@/lib/notifications/preferences";
import { createUser } from "@/test/factories";
import { sendEmail } from "./send";
import { templates } from "./templates";

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
    const row = (await sendEmail(welcome(randomUUID())))!;
    expect(row).toMatchObject({ status: "queued", subject: "Welcome to Demo AI Studio" });
    expect(row.html).toContain("Open your dashboard");
    expect(row.text).toContain("http://localhost:3000/dashboard");
    expect(received).toHaveLength(0);
  });

  it("sends through Resend with the idempotency key and records the provider id", async () => {
    env.RESEND_API_KEY = "re_test_key";
    const key = randomUUID();
    const row = (await sendEmail(welcome(key)))!;
    expect(row).toMatchObject({ status: "sent", providerId: "re_123", attempts: 1 });
    expect(received).toHaveLength(1);
    expect(received[0].headers["idempotency-key"]).toBe(key);
    expect(received[0].headers.authorization).toBe("Bearer re_test_key");
    expect(received[0].body).toMatchObject({
      to: "someone@example.test",
      subject: "Welcome to Demo AI Studio",
    });
  });

  it("sends once for one idempotency key, however often it is called", async () => {
    env.RESEND_API_KEY = "re_test_key";
    const key = randomUUID();
    await Promise.all([sendEmail(welcome(key)), sendEmail(welcome(key))]);
    await sendEmail(welcome(key));
    expect(await db.emailOutbox.count({ where: { idempotencyKey: key } })).toBe(1);
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: key } })).status).toBe("sent");
  });

  it("records a provider failure, keeps the email queued and hands the retry to the job queue", async () => {
    env.RESEND_API_KEY = "re_test_key";
    answer = { status: 500, body: { name: "application_error", message: "Resend is down", statusCode: 500 } };
    const row = (await sendEmail(welcome(randomUUID())))!;
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row.lastError).toMatch(/Resend is down/);
    const boss = await jobQueue();
    const [job] = await boss
      .fetch<{ outboxId: string }>("email-deliver", {
        includeMetadata: true,
        ignoreStartAfter: true,
        batchSize: 50,
      })
      .then((jobs) => jobs.filter((j) => j.data.outboxId === row.id));
    expect(job.retryLimit).toBeGreaterThan(0);
    expect(job.startAfter.getTime()).toBeGreaterThan(Date.now());

    // The retry succeeds once Resend is back.
    answer = { status: 200, body: { id: "re_456" } };
    await expect(handlers["email-deliver"](job)).resolves.toEqual({ status: "sent" });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "sent",
      attempts: 2,
      providerId: "re_456",
      lastError: null,
    });
  });

  it("throws for a failed retry (the queue backs off) and marks the email failed after the last one", async () => {
    env.RESEND_API_KEY = "re_test_key";
    answer = { status: 500, body: { name: "application_error", message: "Resend is down", statusCode: 500 } };
    const row = (await sendEmail(welcome(randomUUID())))!;
    const job = (retryCount: number) =>
      ({ data: { outboxId: row.id }, retryCount, retryLimit: 6 }) as Parameters<
        (typeof handlers)["email-deliver"]
      >[0];
    await expect(handlers["email-deliver"](job(1))).rejects.toThrow(/Resend is down/);
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("queued");
    await expect(handlers["email-deliver"](job(6))).resolves.toEqual({ status: "failed" });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "failed",
      attempts: 3,
    });
  });

  it("sends once when two workers run the same delivery at the same moment", async () => {
    const row = (await sendEmail(welcome(randomUUID())))!; // no key yet: stays queued
    env.RESEND_API_KEY = "re_test_key";
    const job = { data: { outboxId: row.id }, retryCount: 0, retryLimit: 6 } as Parameters<
      (typeof handlers)["email-deliver"]
    >[0];
    await Promise.all([
      handlers["email-deliver"](job),
      handlers["email-deliver"](job),
      handlers["email-deliver"](job),
    ]);
    await handlers["email-deliver"](job);
    expect(received).toHaveLength(1);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "sent",
      attempts: 1,
    });
  });

  it("hands back emails a crash left queued, and only those", async () => {
    const stuck = (await sendEmail(welcome(randomUUID())))!;
    const fresh = (await sendEmail(welcome(randomUUID())))!;
    await db.emailOutbox.update({
      where: { id: stuck.id },
      data: { createdAt: new Date(Date.now() - 5 * 60_000) },
    });
    env.RESEND_API_KEY = "re_test_key";
    await handlers["email-sweep"]({} as never);
    // Other test files leave queued emails in this database too: drain the whole queue.
    const ids: string[] = [];
    for (;;) {
      const jobs = await (await jobQueue()).fetch<{ outboxId: string }>("email-deliver", { batchSize: 500 });
      if (!jobs.length) break;
      ids.push(...jobs.map((j) => j.data.outboxId));
    }
    expect(ids).toContain(stuck.id);
    expect(ids).not.toContain(fresh.id);
  });
});

describe("categories", () => {
  it("sends alerts with one-click unsubscribe headers, and skips a category the user turned off", async () => {
    env.RESEND_API_KEY = "re_test_key";
    const user = await createUser({ verified: true });
    const alert = (key: string) => ({
      template: "low-credits" as const,
      to: user.email,
      idempotencyKey: key,
      category: { name: "low_credits" as const, userId: user.id },
      props: { ...templates["low-credits"].preview, unsubscribeUrl: unsubscribeUrl(user.id, "low_credits") },
    });
    const row = (await sendEmail(alert(randomUUID())))!;
    expect(row).toMatchObject({ status: "sent", category: "low_credits" });
    const headers = received[0].body.headers as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const url = new URL(headers["List-Unsubscribe"].slice(1, -1));
    expect(readUnsubscribeToken(url.searchParams.get("token")!)).toEqual({
      userId: user.id,
      category: "low_credits",
    });
    expect(row.text).toContain("Unsubscribe");

    await setEmailPreference(user.id, "low_credits", false);
    const key = randomUUID();
    expect(await sendEmail(alert(key))).toBeNull();
    expect(await db.emailOutbox.count({ where: { idempotencyKey: key } })).toBe(0);
    // Transactional mail still arrives.
    expect(await sendEmail(welcome(randomUUID(), user.email))).toMatchObject({ status: "sent" });
  });
});
