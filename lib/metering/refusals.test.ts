import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as reserve } from "@/app/api/v1/reservations/route";
import { POST as usage } from "@/app/api/v1/usage/route";
import { POST as batch } from "@/app/api/v1/usage/batch/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { handlers } from "@/lib/jobs/handlers";
import { createUser } from "@/test/factories";
import { apiWorkspace, teamWorkspace } from "@/test/metering";
import { authenticate } from "./authenticate";
import { chargeUsage } from "./charge";
import { refusalsByDay } from "./refusal-counts";
import { nextUtcMonth, utcDay } from "./time";

const STANDARD = "poster-editor:inpaint-standard"; // 12 credits an image on pay as you go
const CHAT = "chat:gpt-4o-mini";

const post = (handler: (req: Request) => Promise<Response>, path: string, key: string, body: unknown) =>
  handler(
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  ).then(async (res) => ({ status: res.status, body: await res.json() }));

const today = () => utcDay(new Date()).toISOString().slice(0, 10);
async function counted(workspaceId: string) {
  const rows = (await refusalsByDay(workspaceId, 1)).filter((r) => r.day === today());
  return Object.fromEntries(rows.map((r) => [`${r.code} ${r.modelKey}`, r.count]));
}

describe("refusal bodies tell the app what the user can do (SPEC §8.1)", () => {
  it("402 insufficient_credits carries buyCreditsUrl, on usage, batch and reservations", async () => {
    const { key } = await apiWorkspace({ balance: 20_000n });
    const buyCreditsUrl = `${env.APP_URL}/dashboard/credits`;
    expect(buyCreditsUrl).toMatch(/^https?:\/\/[^/]+\/dashboard\/credits$/);
    const single = await post(usage, "/api/v1/usage", key, { model: STANDARD, quantity: 2 });
    expect(single).toMatchObject({
      status: 402,
      body: { error: { code: "insufficient_credits", buyCreditsUrl } },
    });
    const many = await post(batch, "/api/v1/usage/batch", key, {
      events: [{ model: STANDARD, quantity: 2 }],
    });
    expect(many.body.results[0]).toMatchObject({
      status: 402,
      error: { code: "insufficient_credits", buyCreditsUrl },
    });
    const hold = await post(reserve, "/api/v1/reservations", key, {
      model: CHAT,
      inputTokens: 100_000,
      outputTokens: 100_000,
    });
    expect(hold).toMatchObject({
      status: 402,
      body: { error: { code: "insufficient_credits", buyCreditsUrl } },
    });
  });

  it("403 model_not_allowed carries upgradeUrl with the tier that unlocks the model preselected", async () => {
    const { key } = await apiWorkspace({ balance: 1_000_000n });
    const res = await post(usage, "/api/v1/usage", key, { model: "poster-editor:super-resolution" });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: "model_not_allowed",
      requiredTier: "enterprise",
      upgradeUrl: `${env.APP_URL}/dashboard/billing?plan=enterprise`,
    });
  });

  it("429 quota_exceeded carries upgradeUrl", async () => {
    const { key, workspace } = await apiWorkspace({ tier: "starter", accountType: "subscription" });
    await db.quotaCounter.create({ data: { workspaceId: workspace.id, day: utcDay(new Date()), used: 500 } });
    const res = await post(usage, "/api/v1/usage", key, { model: STANDARD });
    expect(res.status).toBe(429);
    expect(res.body.error).toMatchObject({
      code: "quota_exceeded",
      upgradeUrl: `${env.APP_URL}/dashboard/billing`,
    });
  });

  it("402 spend_cap_reached carries the cap, what is spent on it and when it resets (key and member caps)", async () => {
    const { key } = await apiWorkspace({ balance: 1_000_000n, cap: 30_000n });
    expect((await post(usage, "/api/v1/usage", key, { model: STANDARD, quantity: 2 })).status).toBe(200);
    const res = await post(usage, "/api/v1/usage", key, { model: STANDARD, quantity: 1 });
    expect(res.status).toBe(402);
    expect(res.body.error).toMatchObject({
      code: "spend_cap_reached",
      capMillicredits: 30_000,
      spentMillicredits: 24_000,
      resetsAt: nextUtcMonth(new Date()).toISOString(),
    });

    const { members } = await teamWorkspace({ balance: 1_000_000n, members: [{ cap: 20_000n }] });
    const estimate = { model: CHAT, inputTokens: 10_000, outputTokens: 10_000 }; // 9,000
    expect((await post(reserve, "/api/v1/reservations", members[0].key, estimate)).status).toBe(201);
    expect((await post(reserve, "/api/v1/reservations", members[0].key, estimate)).status).toBe(201);
    const held = await post(reserve, "/api/v1/reservations", members[0].key, estimate);
    expect(held).toMatchObject({
      status: 402,
      body: { error: { code: "spend_cap_reached", capMillicredits: 20_000, spentMillicredits: 18_000 } },
    });
  });
});

describe("refused calls are counted by UTC day, workspace, model and code", () => {
  it("counts every one of many concurrent refusals exactly, and nothing for calls that pass", async () => {
    const { key, workspace } = await apiWorkspace({ balance: 24_000n });
    const caller = await authenticate(`Bearer ${key}`);
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 120 }, () => chargeUsage(caller, { model: STANDARD, quantity: 1 }, null)),
      ...Array.from({ length: 30 }, () =>
        chargeUsage(caller, { model: "poster-editor:super-resolution" }, null),
      ),
    ]);
    const passed = outcomes.filter((o) => o.status === "fulfilled").length;
    expect(passed).toBe(2); // 24 credits pay for two 12-credit calls
    expect(await counted(workspace.id)).toEqual({
      [`insufficient_credits ${STANDARD}`]: 118,
      "model_not_allowed poster-editor:super-resolution": 30,
    });
    // Another workspace's refusals are its own.
    const other = await apiWorkspace({ balance: 0n });
    await post(usage, "/api/v1/usage", other.key, { model: STANDARD });
    expect(await counted(other.workspace.id)).toEqual({ [`insufficient_credits ${STANDARD}`]: 1 });
    expect(await counted(workspace.id)).toEqual({
      [`insufficient_credits ${STANDARD}`]: 118,
      "model_not_allowed poster-editor:super-resolution": 30,
    });
  });
});

describe("quota alerts on refusal", () => {
  it("the 100% alert fires when the API answers 429, though the last call that fit left used < limit", async () => {
    const { workspace, key } = await apiWorkspace({ tier: "starter", accountType: "subscription" }); // 500 units
    const owner = await createUser({ verified: true });
    await db.membership.create({ data: { workspaceId: workspace.id, userId: owner.id, role: "owner" } });
    await db.quotaCounter.create({ data: { workspaceId: workspace.id, day: utcDay(new Date()), used: 495 } });
    expect((await post(usage, "/api/v1/usage", key, { model: STANDARD, quantity: 4 })).status).toBe(200);
    const refused = await post(usage, "/api/v1/usage", key, { model: STANDARD, quantity: 2 });
    expect(refused.status).toBe(429);
    await refusalsByDay(workspace.id, 1); // the refusal is in the table (the trigger flushes too)
    await handlers["alerts-check"]({ data: { workspaceId: workspace.id } } as never);
    const emails = await db.emailOutbox.findMany({
      where: { to: owner.email },
      orderBy: { createdAt: "asc" },
    });
    expect(emails.map((e) => e.template).sort()).toEqual(["quota-exceeded", "quota-warning"]);
    const warning = emails.find((e) => e.template === "quota-warning")!;
    // 499 of 500: the email says what is really used and left, never "80%".
    expect(warning.subject).toContain("99%");
    expect(warning.text).toContain("499 of 500 quota units used");
    expect(warning.text).toContain("1 quota unit is left");
    expect(warning.text).not.toContain("80%");
  });
});

describe("GET /api/v1/me", () => {
  it("adds the credit buckets and the runway (SPEC §8.2)", async () => {
    const { key } = await apiWorkspace({ balance: 100_000n });
    const read = () =>
      me(new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${key}` } })).then(
        (r) => r.json(),
      );
    const before = await read();
    expect(before.credits).toEqual({
      balanceMillicredits: 100_000,
      buckets: [{ source: "adjustment", remainingMillicredits: 100_000, expiresAt: null, priority: 30 }],
    });
    expect(before.runway).toEqual({ days: null });
    // 24 credits spent this week: 76 left last 76 / (24 / 7) = 22.2 days.
    expect((await post(usage, "/api/v1/usage", key, { model: STANDARD, quantity: 2 })).status).toBe(200);
    const after = await read();
    expect(after.credits.balanceMillicredits).toBe(76_000);
    expect(after.credits.buckets[0].remainingMillicredits).toBe(76_000);
    expect(after.runway).toEqual({ days: 22 });
  });
});
