import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FREE_TIER_CODE } from "@/lib/billing/subscriptions";
import { archivePriceRule, createPriceRule, updatePriceRule } from "@/lib/catalog/price-rules-store";
import { priceRuleSchema } from "@/lib/catalog/schemas";
import { db } from "@/lib/db";
import { apiWorkspace, ledgerSum } from "@/test/metering";
import { modelsForTier } from "./account";
import { authenticate } from "./authenticate";
import { chargeUsage, chargeUsageBatch } from "./charge";
import { InsufficientCreditsError } from "./errors";
import { stampLabel } from "@/lib/catalog/price-rules";
import { listUsageEvents } from "./reports";
import { commitReservation, holdCredits } from "./reservations";

// Dynamic pricing rules on the real charge statement. Each test prices its own model (so rules
// never touch other test files' charges): 10,000 millicredits an image, no markup, on the free tier.

const admin = { id: "admin-test", email: "admin@example.test" };
const STANDARD = "poster-editor:inpaint-standard"; // no rule: 12,000 mc an image on the free tier

async function ruledModel() {
  const app = await db.app.findFirstOrThrow();
  const free = await db.tier.findFirstOrThrow({ where: { code: FREE_TIER_CODE } });
  const slug = `rules-${randomUUID().slice(0, 8)}`;
  const model = await db.model.create({
    data: {
      key: `${app.key}:${slug}`,
      appId: app.id,
      name: slug,
      unit: "image",
      costPerUnitMicros: 10_000n,
      markupOverrideBps: 0,
      tiers: { create: { tierId: free.id } },
    },
  });
  return model;
}

const peak = (modelId: string, over: Record<string, string> = {}) =>
  priceRuleSchema.parse({
    kind: "time_of_day",
    name: "Afternoon peak",
    scope: `model:${modelId}`,
    start: "14:00",
    end: "18:00",
    multiplier: "1.5",
    ...over,
  });

const volume = (modelId: string, steps: string) =>
  priceRuleSchema.parse({ kind: "volume", name: "Volume", scope: `model:${modelId}`, steps });

// After a rule change, authenticate again to read the fresh catalog snapshot, as the next request would.
async function wallet(balance: bigint) {
  const { workspace, key } = await apiWorkspace({ balance });
  return {
    workspace,
    caller: await authenticate(`Bearer ${key}`),
    fresh: () => authenticate(`Bearer ${key}`),
  };
}

async function balanceOf(id: string) {
  return (await db.workspace.findUniqueOrThrow({ where: { id } })).balanceMillicredits;
}

const PAST = new Date("2026-01-01T00:00:00Z");

describe("time-of-day multipliers", () => {
  it("charge 1.5x inside the UTC window and list price outside it, stamping the rule on each event", async () => {
    const model = await ruledModel();
    const rule = await createPriceRule(admin, peak(model.id), PAST);
    const { workspace, caller } = await wallet(1_000_000n);
    const at = (t: string) => new Date(`2026-05-05T${t}Z`);
    const before = await chargeUsage(caller, { model: model.key, quantity: 1 }, null, at("13:59:59.999"));
    const start = await chargeUsage(caller, { model: model.key, quantity: 1 }, null, at("14:00:00.000"));
    const late = await chargeUsage(caller, { model: model.key, quantity: 2 }, null, at("17:59:59.999"));
    const after = await chargeUsage(caller, { model: model.key, quantity: 1 }, null, at("18:00:00.000"));
    expect([before, start, late, after].map((r) => r.chargedMillicredits)).toEqual([
      10_000n,
      15_000n,
      30_000n,
      10_000n,
    ]);
    const stamp = async (id: string) =>
      db.usageEvent.findFirstOrThrow({ where: { id }, select: { timeRuleId: true, timeRuleVersion: true } });
    expect(await stamp(before.id)).toEqual({ timeRuleId: null, timeRuleVersion: null });
    expect(await stamp(start.id)).toEqual({ timeRuleId: rule.id, timeRuleVersion: 1 });
    expect(await stamp(late.id)).toEqual({ timeRuleId: rule.id, timeRuleVersion: 1 });
    expect(await stamp(after.id)).toEqual({ timeRuleId: null, timeRuleVersion: null });
    expect(await balanceOf(workspace.id)).toBe(1_000_000n - 65_000n);
    expect(await ledgerSum(workspace.id)).toBe(1_000_000n - 65_000n);
    // The dashboard's usage table names the rule and version per event.
    const page = await listUsageEvents(workspace.id, { page: 1, pageSize: 10 });
    const labels = new Map(page.events.map((e) => [e.id, stampLabel(e, page.ruleNames)]));
    expect([before, start, late, after].map((r) => labels.get(r.id))).toEqual([
      "—",
      "Afternoon peak v1",
      "Afternoon peak v1",
      "—",
    ]);
  });

  it("applies only on the rule's weekdays, and a new version applies from its effective-from while old events keep theirs", async () => {
    const model = await ruledModel();
    const rule = await createPriceRule(admin, peak(model.id, { weekdays: "Mon, Tue" }), PAST);
    const { caller, fresh } = await wallet(1_000_000n);
    const monday = new Date("2026-05-04T15:00:00Z");
    const sunday = new Date("2026-05-03T15:00:00Z");
    expect((await chargeUsage(caller, { model: model.key }, null, monday)).chargedMillicredits).toBe(15_000n);
    expect((await chargeUsage(caller, { model: model.key }, null, sunday)).chargedMillicredits).toBe(10_000n);

    const from = new Date(Date.now() + 60 * 60_000);
    await updatePriceRule(
      admin,
      rule.id,
      peak(model.id, { multiplier: "2", effectiveFrom: from.toISOString().slice(0, 16) }),
    );
    const next = await fresh();
    const mondayAfter = new Date(Date.UTC(2030, 0, 7, 15)); // a Monday, after the new version's start
    const v1 = await chargeUsage(next, { model: model.key }, null, monday);
    const v2 = await chargeUsage(next, { model: model.key }, null, mondayAfter);
    expect(v1.chargedMillicredits).toBe(15_000n);
    expect(v2.chargedMillicredits).toBe(20_000n);
    const events = await db.usageEvent.findMany({
      where: { id: { in: [v1.id, v2.id] } },
      select: { id: true, timeRuleVersion: true },
    });
    expect(Object.fromEntries(events.map((e) => [e.id, e.timeRuleVersion]))).toEqual({
      [v1.id]: 1,
      [v2.id]: 2,
    });

    await archivePriceRule(admin, rule.id, new Date("2030-02-01T00:00:00Z"));
    const archived = await fresh();
    const laterMonday = new Date(Date.UTC(2030, 1, 4, 15));
    expect((await chargeUsage(archived, { model: model.key }, null, laterMonday)).chargedMillicredits).toBe(
      10_000n,
    );
    const audit = await db.auditLog.findMany({ where: { targetId: rule.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "price_rule.create",
      "price_rule.update",
      "price_rule.archive",
    ]);
  });
});

describe("GET /api/v1/models", () => {
  it("shows the price in force now and the schedule", async () => {
    const model = await ruledModel();
    const rule = await createPriceRule(admin, peak(model.id, { weekdays: "Mon" }), PAST);
    const steps = await createPriceRule(admin, volume(model.id, "1000: 10"), PAST);
    const { caller } = await wallet(0n);
    const item = (at: string) =>
      modelsForTier(caller.catalog, caller.tier, new Date(at)).find((m) => m.id === model.key)!;
    const peakNow = item("2026-05-04T15:00:00Z");
    expect(peakNow.price).toEqual({ perUnit: { millicredits: 15_000, credits: "15" } });
    expect(peakNow.pricing).toEqual({
      multiplier: 1.5,
      timeRule: { id: rule.id, version: 1 },
      windows: [
        { ruleId: rule.id, version: 1, start: "14:00", end: "18:00", weekdays: [1], multiplier: 1.5 },
      ],
      volume: { ruleId: steps.id, version: 1, steps: [{ fromUnits: 1000, discountPercent: 10 }] },
    });
    const offPeak = item("2026-05-04T18:00:00Z");
    expect(offPeak.price).toEqual({ perUnit: { millicredits: 10_000, credits: "10" } });
    expect(offPeak.pricing).toMatchObject({ multiplier: 1, timeRule: null });
    // A model without rules answers pricing: null.
    expect(modelsForTier(caller.catalog, caller.tier).find((m) => m.id === STANDARD)?.pricing).toBeNull();
  });
});

describe("volume steps", () => {
  it("prices before, across and after thresholds, splitting the event that straddles one", async () => {
    const model = await ruledModel();
    // from 10 images this month: −10 %; from 20: −20 %.
    const rule = await createPriceRule(admin, volume(model.id, "10: 10\n20: 20"), PAST);
    const { workspace, caller } = await wallet(1_000_000n);
    const charge = (quantity: number) => chargeUsage(caller, { model: model.key, quantity }, null);
    const a = await charge(8); // 8 at 10,000
    const b = await charge(4); // 2 at 10,000 + 2 at 9,000
    const c = await charge(10); // 8 at 9,000 + 2 at 8,000
    const d = await charge(1); // at 8,000
    expect([a, b, c, d].map((r) => r.chargedMillicredits)).toEqual([80_000n, 38_000n, 88_000n, 8_000n]);
    const events = await db.usageEvent.findMany({ where: { workspaceId: workspace.id } });
    expect(events.every((e) => e.volumeRuleId === rule.id && e.volumeRuleVersion === 1)).toBe(true);
    const counter = await db.volumeUsage.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(counter.units).toEqual({ [model.id]: 23 });
    // Another model's usage does not count towards this model's thresholds, and pays list price.
    expect((await chargeUsage(caller, { model: STANDARD }, null)).chargedMillicredits).toBe(12_000n);
    expect(await ledgerSum(workspace.id)).toBe(await balanceOf(workspace.id));
  });

  it("counts by UTC month: a new month starts at the list price again", async () => {
    const model = await ruledModel();
    await createPriceRule(admin, volume(model.id, "5: 50"), PAST);
    const { caller } = await wallet(1_000_000n);
    const may = new Date("2026-05-31T23:59:59.999Z");
    const june = new Date("2026-06-01T00:00:00.000Z");
    expect(
      (await chargeUsage(caller, { model: model.key, quantity: 6 }, null, may)).chargedMillicredits,
    ).toBe(55_000n);
    expect(
      (await chargeUsage(caller, { model: model.key, quantity: 1 }, null, may)).chargedMillicredits,
    ).toBe(5_000n);
    expect(
      (await chargeUsage(caller, { model: model.key, quantity: 1 }, null, june)).chargedMillicredits,
    ).toBe(10_000n);
  });

  it("under parallel charges at one wallet crossing a threshold: exact total, never below zero, ledger holds", async () => {
    const model = await ruledModel();
    await createPriceRule(admin, volume(model.id, "50: 10"), PAST);
    const start = 2_000_000n;
    const { workspace, caller } = await wallet(start);
    const results = await Promise.all(
      Array.from({ length: 40 }, () => chargeUsage(caller, { model: model.key, quantity: 3 }, null)),
    );
    // 120 images: the first 50 at 10,000, the other 70 at 9,000, whatever order the calls landed in.
    const total = results.reduce((s, r) => s + r.chargedMillicredits, 0n);
    expect(total).toBe(50n * 10_000n + 70n * 9_000n);
    expect(await balanceOf(workspace.id)).toBe(start - total);
    expect(await ledgerSum(workspace.id)).toBe(start - total);
  });

  it("refusals for lack of credits give their units back: the counter matches what was charged", async () => {
    const model = await ruledModel();
    await createPriceRule(admin, volume(model.id, "30: 25"), PAST);
    const start = 400_000n;
    const { workspace, caller } = await wallet(start);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => chargeUsage(caller, { model: model.key, quantity: 2 }, null)),
    );
    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(refused.length).toBeGreaterThan(0);
    for (const e of refused) expect(e).toBeInstanceOf(InsufficientCreditsError);
    const balance = await balanceOf(workspace.id);
    expect(balance >= 0n).toBe(true);
    const charged = ok.reduce((s, r) => s + r.chargedMillicredits, 0n);
    expect(balance).toBe(start - charged);
    expect(await ledgerSum(workspace.id)).toBe(balance);
    const units = ok.length * 2;
    // What the charged units cost under the steps: 30 at 10,000, the rest at 7,500.
    expect(charged).toBe(BigInt(Math.min(units, 30)) * 10_000n + BigInt(Math.max(units - 30, 0)) * 7_500n);
    const counter = await db.volumeUsage.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(counter.units).toEqual({ [model.id]: units });
  });

  it("a batch follows the same steps and stamps, also when its first event has no rule", async () => {
    const model = await ruledModel();
    const rule = await createPriceRule(admin, volume(model.id, "10: 10"), PAST);
    const { workspace, caller } = await wallet(5_000_000n);
    const batch = () =>
      chargeUsageBatch(caller, [
        { input: { model: STANDARD }, idempotencyKey: null },
        { input: { model: model.key, quantity: 6 }, idempotencyKey: null },
        { input: { model: model.key, quantity: 6 }, idempotencyKey: null },
      ]);
    // Batches and single calls in parallel on one wallet: no deadlock, exact counts.
    const [first, second] = await Promise.all([
      batch(),
      batch(),
      ...Array.from({ length: 4 }, () => chargeUsage(caller, { model: model.key, quantity: 1 }, null)),
    ]);
    for (const outcomes of [first, second]) expect(outcomes.every((o) => o.ok)).toBe(true);
    const events = await db.usageEvent.findMany({ where: { workspaceId: workspace.id, modelId: model.id } });
    expect(events).toHaveLength(8);
    expect(events.every((e) => e.volumeRuleId === rule.id && e.volumeRuleVersion === 1)).toBe(true);
    const total = events.reduce((s, e) => s + e.chargedMillicredits, 0n);
    expect(total).toBe(10n * 10_000n + 18n * 9_000n); // 28 images
    expect(await ledgerSum(workspace.id)).toBe(await balanceOf(workspace.id));
  });
});

describe("reservations", () => {
  it("hold at the time-of-day price, commit with the rules in force at commit, stamped", async () => {
    const model = await ruledModel();
    const peakRule = await createPriceRule(
      admin,
      peak(model.id, { start: "00:00", end: "24:00", multiplier: "2" }),
      PAST,
    );
    const steps = await createPriceRule(admin, volume(model.id, "3: 50"), PAST);
    const { workspace, caller } = await wallet(1_000_000n);
    const hold = await holdCredits(caller, { model: model.key, quantity: 4 });
    expect(hold.heldMillicredits).toBe(80_000n); // 4 × 10,000 × 2
    const done = await commitReservation(caller, hold.id, { quantity: 4 });
    // 3 at 20,000 + 1 at 10,000 (−50 %)
    expect(done.chargedMillicredits).toBe(70_000n);
    const event = await db.usageEvent.findFirstOrThrow({ where: { id: done.id } });
    expect(event).toMatchObject({
      timeRuleId: peakRule.id,
      timeRuleVersion: 1,
      volumeRuleId: steps.id,
      volumeRuleVersion: 1,
      reservationId: hold.id,
    });
    expect(await balanceOf(workspace.id)).toBe(930_000n);
    expect(await ledgerSum(workspace.id)).toBe(930_000n);
  });
});
