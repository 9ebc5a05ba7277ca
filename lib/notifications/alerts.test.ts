import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as usage } from "@/app/api/v1/usage/route";
import { changeBalance } from "@/lib/billing/ledger";
import { db } from "@/lib/db";
import { jobQueue } from "@/lib/jobs/boss";
import { handlers } from "@/lib/jobs/handlers";
import { createApiKey } from "@/lib/metering/api-keys";
import { utcDay } from "@/lib/metering/time";
import { createUser, creditsOnly, subscribe } from "@/test/factories";
import { usageRequest } from "@/test/metering";
import { sendWeeklySummaries } from "./alerts";
import { setEmailPreference } from "./preferences";

const STANDARD = "poster-editor:inpaint-standard"; // 12 credits a call on pay as you go

/**
 * A signed-up owner's personal workspace with an API key: on a plan, or pay as you go from an empty
 * balance (so a top-up is the only credit it has).
 */
async function ownedWorkspace(opts: { tier?: string; topUp?: bigint } = {}) {
  const owner = await createUser({ verified: true });
  const { workspaceId } = await db.membership.findFirstOrThrow({ where: { userId: owner.id } });
  if (!opts.tier) await creditsOnly(workspaceId);
  if (opts.tier) {
    await db.workspace.update({ where: { id: workspaceId }, data: { accountType: "subscription" } });
    await subscribe(workspaceId, opts.tier);
  }
  if (opts.topUp)
    await changeBalance({
      workspaceId,
      amountMillicredits: opts.topUp,
      kind: "purchase",
      reference: `test:${randomUUID()}`,
    });
  const { key } = await createApiKey(null, workspaceId, { name: "test", monthlySpendCapMillicredits: null });
  return { owner, workspaceId, key };
}

const emailsTo = (to: string, template: string) => db.emailOutbox.findMany({ where: { to, template } });
const checkAlerts = (workspaceId: string) => handlers["alerts-check"]({ data: { workspaceId } } as never);
/** The same job, twice in a row and three times at once: what two workers and a redelivery would do. */
async function runRepeatedly(run: () => Promise<unknown>) {
  await run();
  await Promise.all([run(), run(), run()]);
}

describe("quota alerts", () => {
  it("warn once at 80% and once at 100% of the daily quota, per UTC day", async () => {
    const { owner, workspaceId } = await ownedWorkspace({ tier: "starter" }); // 500 units a day
    const day = utcDay(new Date());
    await db.quotaCounter.create({ data: { workspaceId, day, used: 399 } });
    await runRepeatedly(() => checkAlerts(workspaceId));
    expect(await emailsTo(owner.email, "quota-warning")).toHaveLength(0);

    await db.quotaCounter.update({ where: { workspaceId_day: { workspaceId, day } }, data: { used: 400 } });
    await runRepeatedly(() => checkAlerts(workspaceId));
    const [warning] = await emailsTo(owner.email, "quota-warning");
    expect(warning.subject).toBe(
      "You've used 80% of today's quota in " +
        (await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).name,
    );
    expect(warning.text).toContain("400");
    expect(await emailsTo(owner.email, "quota-warning")).toHaveLength(1);
    expect(await emailsTo(owner.email, "quota-exceeded")).toHaveLength(0);

    await db.quotaCounter.update({ where: { workspaceId_day: { workspaceId, day } }, data: { used: 500 } });
    await runRepeatedly(() => checkAlerts(workspaceId));
    expect(await emailsTo(owner.email, "quota-warning")).toHaveLength(1);
    expect(await emailsTo(owner.email, "quota-exceeded")).toHaveLength(1);
    expect(await db.alert.count({ where: { workspaceId } })).toBe(2);
  });
});

describe("low-credit alerts", () => {
  it("fire once when the balance falls below 10% of the last top-up, and again only after the next top-up", async () => {
    const { owner, workspaceId } = await ownedWorkspace({ topUp: 1_000_000n }); // 1,000 credits: alert below 100
    const spend = (amount: bigint) =>
      changeBalance({ workspaceId, amountMillicredits: -amount, kind: "usage", reference: randomUUID() });
    await spend(900_000n); // exactly 100 left: not below
    await runRepeatedly(() => checkAlerts(workspaceId));
    expect(await emailsTo(owner.email, "low-credits")).toHaveLength(0);

    await spend(1_000n);
    await runRepeatedly(() => checkAlerts(workspaceId));
    await spend(50_000n);
    await runRepeatedly(() => checkAlerts(workspaceId));
    const alerts = await emailsTo(owner.email, "low-credits");
    expect(alerts).toHaveLength(1);
    expect(alerts[0].text).toContain("99 credits");
    expect(alerts[0].category).toBe("low_credits");

    await changeBalance({
      workspaceId,
      amountMillicredits: 200_000n,
      kind: "purchase",
      reference: randomUUID(),
    }); // 249 left, threshold now 20
    await runRepeatedly(() => checkAlerts(workspaceId));
    expect(await emailsTo(owner.email, "low-credits")).toHaveLength(1);
    await spend(240_000n);
    await runRepeatedly(() => checkAlerts(workspaceId));
    expect(await emailsTo(owner.email, "low-credits")).toHaveLength(2);
  });

  it("records the alert but writes no email to an owner who unsubscribed from that category", async () => {
    const { owner, workspaceId } = await ownedWorkspace({ topUp: 100_000n });
    await setEmailPreference(owner.id, "low_credits", false);
    await changeBalance({
      workspaceId,
      amountMillicredits: -95_000n,
      kind: "usage",
      reference: randomUUID(),
    });
    await runRepeatedly(() => checkAlerts(workspaceId));
    expect(await emailsTo(owner.email, "low-credits")).toHaveLength(0);
    expect(await db.alert.count({ where: { workspaceId, kind: "low_credits" } })).toBe(1);
  });
});

describe("the metering path", () => {
  it("enqueues one alerts check when a call takes the balance below the threshold, not on every call after", async () => {
    const { workspaceId, key } = await ownedWorkspace({ topUp: 240_000n }); // 240 credits: alert below 24
    const boss = await jobQueue();
    const pending = async () =>
      (await boss.fetch<{ workspaceId: string }>("alerts-check", { batchSize: 100 })).filter(
        (j) => j.data.workspaceId === workspaceId,
      );
    for (let i = 0; i < 18; i++)
      expect((await usage(usageRequest(key, { model: STANDARD }))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(await pending()).toHaveLength(0); // 24 credits left: not below

    expect((await usage(usageRequest(key, { model: STANDARD }))).status).toBe(200); // 12 left: crossed
    expect((await usage(usageRequest(key, { model: STANDARD }))).status).toBe(200); // 0 left
    await new Promise((r) => setTimeout(r, 200));
    const jobs = await pending();
    expect(jobs).toHaveLength(1);
    await handlers["alerts-check"](jobs[0] as never);
    expect(await db.alert.count({ where: { workspaceId, kind: "low_credits" } })).toBe(1);
  });
});

describe("weekly usage summary", () => {
  it("sends one summary per workspace and week with last week's figures", async () => {
    const { owner, workspaceId, key } = await ownedWorkspace({ topUp: 1_000_000n });
    for (let i = 0; i < 3; i++) await usage(usageRequest(key, { model: STANDARD }));
    const now = new Date();
    // A week from now, "last week" is this week.
    const nextWeek = new Date(now.getTime() + 7 * 864e5);
    await runRepeatedly(() => sendWeeklySummaries(nextWeek));
    const summaries = await emailsTo(owner.email, "weekly-usage-summary");
    expect(summaries).toHaveLength(1);
    expect(summaries[0].subject).toMatch(/^Your Demo AI Studio week: 3 calls in /);
    expect(summaries[0].text).toContain(STANDARD);
    expect(summaries[0].text).toContain("36 credits");
    expect(await db.alert.count({ where: { workspaceId, kind: "weekly_summary" } })).toBe(1);
  });
});
