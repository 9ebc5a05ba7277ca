import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { usageByDayAndModel } from "@/lib/metering/reports";
import { splitByDays } from "./history";
import { marginByModel, marginByTier } from "./margins";
import { rangeOf } from "./range";
import { chunksOf, invalidateRollups, prismaQuery, runAnalyticsRollup } from "./rollups";
import { seedAnalytics2001 } from "./test-fixture";
import { creditsFlow, topWorkspaces, usageByHour, usageByModel } from "./usage";

// The analytics fixture's story, dated 2003 (no other test file writes there), plus calls that test
// the rollup's edges: free and BYOK calls, a markup, the first and last millisecond of a day, and
// a plan change at midday (w6 on 03-10, w3's cancellation on 03-16: those days are read raw per
// workspace). Every figure must be the same whatever the job has rolled up.
const Y = 2003;
const at = (iso: string) => new Date(`${Y}-${iso}Z`);
let fx: Awaited<ReturnType<typeof seedAnalytics2001>>;

async function extraEvents() {
  const [a, b] = await db.model.findMany({
    orderBy: { key: "asc" },
    take: 2,
    select: { id: true, key: true },
  });
  const rows: [string, typeof a, string, "free" | "byok" | "credits" | "quota", number, number, number][] = [
    [fx.w1.id, a, "03-05T00:00:00.000", "credits", 1_001, 2_500, 1_300],
    [fx.w1.id, b, "03-05T23:59:59.999", "byok", 4_000, 0, 0],
    [fx.w2.id, a, "03-06T12:00:00.000", "free", 3_000, 0, 0],
    [fx.w6.id, b, "03-10T23:00:00.000", "credits", 333, 3_333, 444],
    [fx.w3.id, a, "03-16T11:59:59.999", "quota", 777, 1_500, 0],
    [fx.w5.id, b, "03-31T23:59:59.999", "credits", 1_234, 1_000, 2_500],
    [fx.w5.id, a, "04-01T00:00:00.000", "credits", 10, 0, 10],
  ];
  await db.usageEvent.createMany({
    data: rows.map(([workspaceId, model, time, billedTo, cost, markupBps, charged]) => ({
      workspaceId,
      modelId: model.id,
      modelKey: model.key,
      quantity: 1n,
      billedTo,
      markupBps,
      priceVersion: 1,
      providerCostMicros: BigInt(cost),
      chargedMillicredits: BigInt(charged),
      quotaUnits: billedTo === "quota" ? 2 : 0,
      balanceAfterMillicredits: 0n,
      createdAt: at(time),
    })),
  });
}

// Daily (<= 92 days), weekly (a whole year) and one-day ranges.
const ranges = [
  rangeOf(`${Y}-02-20`, `${Y}-04-05`),
  rangeOf(`${Y}-01-01`, `${Y}-12-31`),
  rangeOf(`${Y}-03-10`, `${Y}-03-10`),
];

/** Every query that reads usage or the ledger, over every range, plus the dashboard's chart. */
async function everyFigure() {
  const perRange = await Promise.all(
    ranges.map(async (r) => ({
      creditsFlow: await creditsFlow(r),
      usageByModel: await usageByModel(r),
      usageByHour: await usageByHour(r),
      topWorkspaces: await topWorkspaces(r, 1000),
      marginByTier: await marginByTier(r),
      marginByModel: await marginByModel(r),
    })),
  );
  const dashboard = await Promise.all(
    [fx.w1, fx.w3, fx.w5, fx.w6].map((w) => usageByDayAndModel(w.id, 45, at("04-02T10:00:00"))),
  );
  // Other files' workspaces never show up in 2003, but keep the top list to ours anyway.
  const ours = new Set([fx.w1, fx.w2, fx.w3, fx.w4, fx.w5, fx.w6].map((w) => w.id));
  for (const r of perRange) r.topWorkspaces = r.topWorkspaces.filter((w) => ours.has(w.id));
  return { perRange, dashboard };
}

const rolledDays = async () =>
  (
    await db.rollupDay.findMany({
      where: { day: { gte: at("01-01T00:00:00"), lt: at("12-31T00:00:00") } },
      orderBy: { day: "asc" },
    })
  ).map((d) => d.day.toISOString().slice(0, 10));

const ourRollups = () =>
  db.usageRollup.findMany({
    where: { workspaceId: { in: [fx.w1.id, fx.w2.id, fx.w3.id, fx.w4.id, fx.w5.id, fx.w6.id] } },
    orderBy: [{ day: "asc" }, { workspaceId: "asc" }, { modelKey: "asc" }],
  });

let raw: Awaited<ReturnType<typeof everyFigure>>;

beforeAll(async () => {
  fx = await seedAnalytics2001(Y);
  await extraEvents();
  raw = await everyFigure();
});

describe("daily rollups", () => {
  it("give the same figures as the raw history, before, during and after catching up", async () => {
    expect(await rolledDays()).toEqual([]);
    // Sanity: the figures are not empty.
    expect(raw.perRange[0].usageByModel.reduce((n, m) => n + m.calls, 0)).toBe(18);

    // 00:05 on 03-16: the 15th is still in its grace period, so the 14th is the last closed day.
    const first = await runAnalyticsRollup({ now: at("03-16T00:05:00") });
    expect(first.last).toBe(`${Y}-03-14`);
    expect((await rolledDays()).at(-1)).toBe(`${Y}-03-14`);
    expect(await everyFigure()).toEqual(raw);

    // The job was down for two weeks: the next run rolls every day since, not just yesterday.
    const second = await runAnalyticsRollup({ now: at("04-02T00:20:00") });
    expect(second).toEqual({ days: 18, first: `${Y}-03-15`, last: `${Y}-04-01` });
    expect(await rolledDays()).toContain(`${Y}-04-01`);
    expect((await ourRollups()).length).toBeGreaterThan(10);
    expect(await everyFigure()).toEqual(raw);
  });

  it("never counts a day twice: a second run, a re-run and two workers at once change nothing", async () => {
    const before = await ourRollups();
    expect(await runAnalyticsRollup({ now: at("04-02T00:30:00") })).toEqual({
      days: 0,
      first: null,
      last: null,
    });

    await invalidateRollups(prismaQuery(), at("03-01T00:00:00"), at("03-31T00:00:00"));
    expect(await everyFigure()).toEqual(raw); // invalidated days read raw meanwhile
    const runs = await Promise.all([
      runAnalyticsRollup({ now: at("04-02T00:30:00") }),
      runAnalyticsRollup({ now: at("04-02T00:30:00") }),
    ]);
    // Whichever got there first rolled the month; the other re-rolled what it had listed.
    expect(Math.max(...runs.map((r) => r.days))).toBe(31);
    expect(await ourRollups()).toEqual(before);
    expect(await everyFigure()).toEqual(raw);
  });

  it("a backfill into a rolled-up day shows at once: its writer invalidates the day", async () => {
    const day = rangeOf(`${Y}-03-05`, `${Y}-03-05`);
    const callsBefore = (await usageByModel(day)).reduce((n, m) => n + m.calls, 0);
    const [model] = await db.model.findMany({ orderBy: { key: "asc" }, take: 1 });
    await db.$transaction(async (tx) => {
      await tx.usageEvent.create({
        data: {
          workspaceId: fx.w1.id,
          modelId: model.id,
          modelKey: model.key,
          billedTo: "credits",
          markupBps: 0,
          priceVersion: 1,
          providerCostMicros: 5n,
          chargedMillicredits: 5n,
          quotaUnits: 0,
          balanceAfterMillicredits: 0n,
          createdAt: at("03-05T08:00:00"),
        },
      });
      await invalidateRollups(prismaQuery(tx), at("03-05T08:00:00"), at("03-05T08:00:00"));
    });
    expect((await usageByModel(day)).reduce((n, m) => n + m.calls, 0)).toBe(callsBefore + 1);
    expect(await rolledDays()).not.toContain(`${Y}-03-05`);
    await runAnalyticsRollup({ now: at("04-02T00:30:00") });
    expect(await rolledDays()).toContain(`${Y}-03-05`);
    expect((await usageByModel(day)).reduce((n, m) => n + m.calls, 0)).toBe(callsBefore + 1);
  });
});

describe("daily rollups and the subscription history", () => {
  it("a plan change dated back after the day closed moves the day's calls as the raw history does", async () => {
    await runAnalyticsRollup({ now: at("04-02T00:30:00") });
    // The provider reports w3's cancellation a day and a half earlier, mid-morning, and w4's
    // incomplete Starter checkout went through after all.
    await db.subscription.updateMany({
      where: { workspaceId: fx.w3.id },
      data: { canceledAt: at("03-14T06:00:00") },
    });
    await db.subscription.updateMany({
      where: { workspaceId: fx.w4.id, status: "incomplete" },
      data: { status: "active" },
    });
    const fromRollups = await everyFigure();
    expect(fromRollups).not.toEqual(raw); // the change is visible...
    await invalidateRollups(prismaQuery(), at("01-01T00:00:00"), at("12-31T00:00:00"));
    expect(fromRollups).toEqual(await everyFigure()); // ...exactly as in the raw history
    await runAnalyticsRollup({ now: at("04-02T00:30:00") });
    expect(await everyFigure()).toEqual(fromRollups);
  });
});

describe("history split", () => {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  it("serves whole rolled days from rollups and every other instant raw", () => {
    const range = { from: day("2003-03-01"), to: day("2003-03-08") };
    const split = splitByDays(range, [day("2003-03-02"), day("2003-03-03"), day("2003-03-05")]);
    const iso = (s: { from: Date; to: Date }[]) =>
      s.map((x) => [x.from.toISOString().slice(0, 10), x.to.toISOString().slice(0, 10)]);
    expect(iso(split.rolled)).toEqual([
      ["2003-03-02", "2003-03-04"],
      ["2003-03-05", "2003-03-06"],
    ]);
    expect(iso(split.raw)).toEqual([
      ["2003-03-01", "2003-03-02"],
      ["2003-03-04", "2003-03-05"],
      ["2003-03-06", "2003-03-08"],
    ]);
  });

  it("rolls consecutive days in chunks of at most a week", () => {
    const days = [
      "2003-01-01",
      "2003-01-02",
      "2003-01-04",
      ...Array.from({ length: 9 }, (_, i) => `2003-02-${String(i + 10)}`),
    ];
    expect(chunksOf(days)).toEqual([
      ["2003-01-01", "2003-01-03"],
      ["2003-01-04", "2003-01-05"],
      ["2003-02-10", "2003-02-17"],
      ["2003-02-17", "2003-02-19"],
    ]);
  });
});
