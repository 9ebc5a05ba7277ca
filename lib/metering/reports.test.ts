import { beforeAll, describe, expect, it } from "vitest";
import { changeBalance } from "@/lib/billing/ledger";
import { db } from "@/lib/db";
import { apiWorkspace } from "@/test/metering";
import { authenticate } from "./authenticate";
import { chargeUsage } from "./charge";
import {
  listLedger,
  quotaPercent,
  listUsageEvents,
  reportDays,
  usageByDayAndModel,
  usageEventsForExport,
  usedModelKeys,
  workspaceOverview,
} from "./reports";

const STANDARD = "poster-editor:inpaint-standard";
const MIX = "video-mixer:mix-basic";
const LOOP = "looping-flow:loop-preview"; // a free model
const NOW = new Date("2026-03-15T10:00:00.000Z");
const at = (iso: string) => new Date(iso);

/** Real charges through the metering path, then pinned to known UTC times. */
async function usageFixture() {
  const { workspace, key } = await apiWorkspace({ balance: 10_000_000n });
  const caller = await authenticate(`Bearer ${key}`);
  const plan: [string, number, string][] = [
    [STANDARD, 1, "2026-02-13T23:59:59.999Z"], // one millisecond before the 30-day window
    [STANDARD, 1, "2026-02-14T00:00:00.000Z"], // the window's first instant
    [STANDARD, 1, "2026-03-13T08:00:00.000Z"],
    [MIX, 1, "2026-03-13T08:00:00.000Z"],
    [STANDARD, 2, "2026-03-15T01:00:00.000Z"],
    [STANDARD, 1, "2026-03-15T01:00:00.000Z"],
    [MIX, 1, "2026-03-15T01:00:00.000Z"],
    [LOOP, 3, "2026-03-15T01:00:00.000Z"],
    [STANDARD, 1, "2026-03-16T00:00:00.000Z"], // tomorrow: outside the window
  ];
  const events = [];
  for (const [model, quantity, time] of plan) {
    const r = await chargeUsage(caller, { model, quantity }, null);
    const [moved] = await db.usageEvent.updateManyAndReturn({
      where: { id: r.id },
      data: { createdAt: at(time) },
    });
    events.push(moved!);
  }
  return { workspace, events };
}

type Fixture = Awaited<ReturnType<typeof usageFixture>>;
const sum = (xs: { chargedMillicredits: bigint }[]) =>
  xs.reduce((s, e) => s + e.chargedMillicredits, 0n).toString();

describe("usage reports", () => {
  let workspace: Fixture["workspace"], events: Fixture["events"], other: Fixture;
  beforeAll(async () => {
    ({ workspace, events } = await usageFixture());
    other = await usageFixture(); // another workspace's usage at the same moments must never show up
  });

  it("sums calls, credits and quota units per UTC day and model inside the window only", async () => {
    const rows = await usageByDayAndModel(workspace.id, 30, NOW);
    const pick = (day: string, model: string) =>
      events.filter((e) => e.createdAt.toISOString().startsWith(day) && e.modelKey === model);
    // One row per day and model: its calls, the credits its events charged, no quota units.
    const row = (day: string, modelKey: string, calls: number) => ({
      day,
      modelKey,
      calls,
      chargedMillicredits: sum(pick(day, modelKey)),
      quotaUnits: 0,
    });
    expect(rows).toEqual(
      [
        row("2026-02-14", STANDARD, 1),
        row("2026-03-13", STANDARD, 1),
        row("2026-03-13", MIX, 1),
        { day: "2026-03-15", modelKey: LOOP, calls: 1, chargedMillicredits: "0", quotaUnits: 0 },
        row("2026-03-15", STANDARD, 2),
        row("2026-03-15", MIX, 1),
      ].sort((a, b) => a.day.localeCompare(b.day) || a.modelKey.localeCompare(b.modelKey)),
    );
    expect(
      BigInt(rows.find((r) => r.day === "2026-03-15" && r.modelKey === STANDARD)!.chargedMillicredits),
    ).toBeGreaterThan(0n);
    const days = reportDays(30, NOW);
    expect([days.length, days[0], days[29]]).toEqual([30, "2026-02-14", "2026-03-15"]);
  });

  it("filters events by model, billed-to and date range, newest first, and pages them", async () => {
    const byModel = await listUsageEvents(workspace.id, { model: MIX, page: 1, pageSize: 50 });
    expect(byModel.total).toBe(2);
    expect(byModel.events.map((e) => e.createdAt.toISOString())).toEqual([
      "2026-03-15T01:00:00.000Z",
      "2026-03-13T08:00:00.000Z",
    ]);
    const free = await listUsageEvents(workspace.id, { billedTo: "free", page: 1, pageSize: 50 });
    expect(free.events.map((e) => [e.modelKey, e.chargedMillicredits])).toEqual([[LOOP, 0n]]);
    const ranged = await listUsageEvents(workspace.id, {
      from: at("2026-03-13T00:00:00Z"),
      to: at("2026-03-14T00:00:00Z"),
      page: 1,
      pageSize: 50,
    });
    expect(ranged.events.map((e) => e.modelKey).sort()).toEqual([STANDARD, MIX].sort());

    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => listUsageEvents(workspace.id, { page, pageSize: 4 })),
    );
    expect(pages.map((p) => [p.total, p.page, p.pageCount, p.events.length])).toEqual([
      [9, 1, 3, 4],
      [9, 2, 3, 4],
      [9, 3, 3, 1],
      [9, 3, 3, 1], // past the end: the last page
    ]);
    const seen = pages.slice(0, 3).flatMap((p) => p.events);
    expect(new Set(seen.map((e) => e.id)).size).toBe(9);
    const times = seen.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await usedModelKeys(workspace.id)).toEqual([LOOP, STANDARD, MIX].sort());
  });

  it("streams the export in keyset batches: every matching row once, oldest first, ties split across batches", async () => {
    const expected = [...events]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .map((e) => e.id);
    const batches = [];
    for await (const batch of usageEventsForExport(workspace.id, {}, 3)) batches.push(batch.map((e) => e.id));
    expect(batches.map((b) => b.length)).toEqual([3, 3, 3]);
    expect(batches.flat()).toEqual(expected);
    const standard = [];
    for await (const batch of usageEventsForExport(
      workspace.id,
      { model: STANDARD, to: at("2026-03-16T00:00:00Z") },
      2,
    ))
      standard.push(...batch);
    expect(standard.map((e) => e.modelKey)).toEqual(Array(5).fill(STANDARD));
    expect(
      standard.every((e) => e.workspaceId === workspace.id && !other.events.some((o) => o.id === e.id)),
    ).toBe(true);
  });

  it("streams large exports 1,000 rows at a time", async () => {
    const { workspace: big } = await apiWorkspace();
    const model = await db.model.findUniqueOrThrow({ where: { key: STANDARD } });
    const base = Date.parse("2026-01-01T00:00:00Z");
    await db.usageEvent.createMany({
      data: Array.from({ length: 2100 }, (_, i) => ({
        workspaceId: big.id,
        modelId: model.id,
        modelKey: model.key,
        quantity: 1n,
        billedTo: "credits" as const,
        markupBps: 0,
        priceVersion: 1,
        providerCostMicros: 1n,
        chargedMillicredits: 1n,
        quotaUnits: 0,
        balanceAfterMillicredits: 0n,
        createdAt: new Date(base + Math.floor(i / 3) * 1000),
      })),
    });
    const sizes: number[] = [];
    let previous = "";
    for await (const batch of usageEventsForExport(big.id, {})) {
      sizes.push(batch.length);
      for (const e of batch) {
        const k = `${e.createdAt.toISOString()}|${e.id}`;
        expect(k > previous).toBe(true);
        previous = k;
      }
    }
    expect(sizes).toEqual([1000, 1000, 100]);
  });
});

describe("workspace overview and ledger", () => {
  it("reports the free tier, the balance and the largest top-up of the last 60 days for pay as you go", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    const tierId = (await db.tier.findUniqueOrThrow({ where: { code: "pro" } })).id;
    await db.subscription.create({
      data: {
        workspaceId: workspace.id,
        tierId,
        status: "canceled",
        currentPeriodStart: NOW,
        currentPeriodEnd: NOW,
      },
    });
    await changeBalance({
      workspaceId: workspace.id,
      amountMillicredits: 9_000_000n,
      kind: "purchase",
      reference: "old-pack",
    });
    await db.ledgerEntry.updateMany({
      where: { workspaceId: workspace.id, reference: "old-pack" },
      data: { createdAt: new Date(Date.now() - 70 * 864e5) },
    });
    await changeBalance({
      workspaceId: workspace.id,
      amountMillicredits: 2_000_000n,
      kind: "coupon",
      reference: "WELCOME",
    });
    await changeBalance({
      workspaceId: workspace.id,
      amountMillicredits: -500_000n,
      kind: "admin_adjustment",
      reference: "fix",
    });
    const charged = await chargeUsage(
      await authenticate(`Bearer ${key}`),
      { model: STANDARD, quantity: 1 },
      null,
    );

    const overview = await workspaceOverview(workspace.id);
    expect(overview).toMatchObject({
      tier: { code: "free" },
      accountType: "payg",
      quota: null,
      lastTopUp: { amountMillicredits: 2_000_000n },
    });
    expect(overview.balanceMillicredits).toBe(11_500_000n - charged.chargedMillicredits);

    const first = await listLedger(workspace.id, { page: 1, pageSize: 2 });
    expect([first.total, first.pageCount]).toEqual([5, 3]);
    expect(first.entries.map((e) => e.kind)).toEqual(["usage", "admin_adjustment"]);
    expect(first.entries[0].balanceAfterMillicredits).toBe(overview.balanceMillicredits);
    const last = await listLedger(workspace.id, { page: 3, pageSize: 2 });
    expect(last.entries.map((e) => e.reference)).toEqual(["old-pack"]);
  });

  it("reports today's quota for a subscription, reset at the next 00:00 UTC", async () => {
    const { workspace, key } = await apiWorkspace({ tier: "starter", accountType: "subscription" });
    await chargeUsage(await authenticate(`Bearer ${key}`), { model: STANDARD, quantity: 7 }, null, NOW);
    const starter = await db.tier.findUniqueOrThrow({ where: { code: "starter" } });
    const overview = await workspaceOverview(workspace.id, NOW);
    expect(overview).toMatchObject({
      tier: { code: "starter", name: starter.name },
      accountType: "subscription",
      lastTopUp: null,
    });
    expect(overview.quota).toEqual({
      used: 7,
      limit: starter.dailyQuotaUnits,
      resetsAt: at("2026-03-16T00:00:00.000Z"),
    });
    expect((await workspaceOverview(workspace.id, at("2026-03-16T00:00:00.000Z"))).quota?.used).toBe(0);
  });
});

describe("dashboard quota warning", () => {
  it("rounds quota use down to whole percent", () => {
    expect([
      quotaPercent({ used: 399, limit: 500 }),
      quotaPercent({ used: 400, limit: 500 }),
      quotaPercent({ used: 0, limit: 0 }),
    ]).toEqual([79, 80, 0]);
  });
});
