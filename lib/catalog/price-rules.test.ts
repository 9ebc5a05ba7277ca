import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FREE_TIER_CODE } from "@/lib/billing/subscriptions";
import { db } from "@/lib/db";
import {
  ruleBook,
  rulesFor,
  stepProblems,
  volumePrice,
  weekAverageMultiplierBps,
  windowsOverlap,
  type PriceRuleRow,
  type TimeRule,
} from "./price-rules";
import { createPriceRule, updatePriceRule } from "./price-rules-store";
import { priceRuleSchema } from "./schemas";

const admin = { id: "admin-test", email: "admin@example.test" };

const row = (over: Partial<PriceRuleRow>): PriceRuleRow => ({
  id: "r",
  version: 1,
  kind: "time_of_day",
  name: "r",
  modelId: null,
  tierId: null,
  active: true,
  effectiveFrom: new Date("2026-01-01T00:00:00Z"),
  startMinute: 840,
  endMinute: 1080,
  weekdays: [],
  multiplierBps: 15_000,
  steps: null,
  ...over,
});

const issues = (input: Record<string, string>) => {
  const r = priceRuleSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
};

describe("the rule form's validation", () => {
  const time = {
    kind: "time_of_day",
    name: "Peak",
    scope: "model:m1",
    start: "14:00",
    end: "18:00",
    multiplier: "1.5",
  };

  it("reads a time window as UTC minutes, weekdays as numbers and the multiplier as basis points", () => {
    expect(priceRuleSchema.parse({ ...time, weekdays: "Mon, tue,FRIDAY", end: "24:00" })).toMatchObject({
      kind: "time_of_day",
      modelId: "m1",
      tierId: null,
      startMinute: 840,
      endMinute: 1440,
      weekdays: [1, 2, 5],
      multiplierBps: 15_000,
      effectiveFrom: null,
    });
  });

  it("refuses what makes no sense, with a message on the field", () => {
    expect(issues({ ...time, end: "13:00" })).toEqual([
      "end: End must be after start (a window past midnight is two rules: to 24:00 and from 00:00).",
    ]);
    expect(issues({ ...time, multiplier: "0.05" })).toEqual([
      "multiplier: Multiplier: enter a number from 0.1 to 10, e.g. 1.5.",
    ]);
    expect(issues({ ...time, multiplier: "11" })).toHaveLength(1);
    expect(issues({ ...time, start: "25:00" })[0]).toMatch(/^start: Start: enter a UTC time/);
    expect(issues({ ...time, weekdays: "Someday" })[0]).toMatch(/^weekdays: /);
    expect(issues({ ...time, scope: "" })[0]).toMatch(/^scope: Choose the model or plan tier/);
    expect(issues({ kind: "volume", name: "V", scope: "tier:t", steps: "a lot: 10" })).toEqual([
      'steps: Line 1: write "threshold: discount %", e.g. 1000000: 10.',
    ]);
  });

  it("checks volume steps: thresholds going up, discounts within bounds", () => {
    expect(
      stepProblems([
        { fromUnits: 1_000_000, discountBps: 1000 },
        { fromUnits: 10_000_000, discountBps: 2000 },
      ]),
    ).toEqual([]);
    expect(
      stepProblems([
        { fromUnits: 10, discountBps: 1000 },
        { fromUnits: 10, discountBps: 2000 },
      ]),
    ).toEqual(["Step 2: thresholds must go up (10 is not above 10)."]);
    expect(stepProblems([{ fromUnits: 10, discountBps: 9500 }])).toEqual([
      "Step 1: the discount must be from 0 to 90 %.",
    ]);
    expect(stepProblems([])).toEqual(["Add at least one step."]);
  });

  it("sees overlapping windows only when they share a minute on a shared day", () => {
    const w = (startMinute: number, endMinute: number, weekdays: number[] = []) => ({
      startMinute,
      endMinute,
      weekdays,
    });
    expect(windowsOverlap(w(840, 1080), w(1000, 1200))).toBe(true);
    expect(windowsOverlap(w(840, 1080), w(1080, 1200))).toBe(false); // back to back
    expect(windowsOverlap(w(840, 1080, [1]), w(840, 1080, [2]))).toBe(false);
    expect(windowsOverlap(w(840, 1080, [1]), w(900, 960))).toBe(true); // every day includes Monday
  });
});

describe("which rule is in force", () => {
  const at = new Date("2026-05-05T15:00:00Z"); // a Tuesday, 15:00 UTC

  it("prefers the model's rule to its tier's, and reads the version effective at the moment", () => {
    const book = ruleBook([
      row({ id: "tier", tierId: "t", multiplierBps: 12_000 }),
      row({ id: "model", modelId: "m", multiplierBps: 15_000 }),
      row({
        id: "model",
        modelId: "m",
        version: 2,
        multiplierBps: 20_000,
        effectiveFrom: new Date("2026-06-01T00:00:00Z"),
      }),
    ]);
    expect(rulesFor(book, "m", "t", at).time).toMatchObject({
      id: "model",
      version: 1,
      multiplierBps: 15_000,
    });
    expect(rulesFor(book, "m", "t", new Date("2026-06-02T15:00:00Z")).time).toMatchObject({ version: 2 });
    expect(rulesFor(book, "other", "t", at).time).toMatchObject({ id: "tier" });
    expect(rulesFor(book, "other", "t", new Date("2026-05-05T18:00:00Z")).time).toBeNull();
  });

  it("stops applying an archived rule from its archive version on", () => {
    const book = ruleBook([
      row({ id: "a", modelId: "m" }),
      row({
        id: "a",
        modelId: "m",
        version: 2,
        active: false,
        effectiveFrom: new Date("2026-05-05T14:30:00Z"),
      }),
    ]);
    expect(rulesFor(book, "m", "t", new Date("2026-05-05T14:10:00Z")).time).not.toBeNull();
    expect(rulesFor(book, "m", "t", at).time).toBeNull();
  });

  it("averages windows over a week for the calculator", () => {
    const w = (over: Partial<TimeRule>) => ({ ...(row({}) as TimeRule), ...over });
    expect(weekAverageMultiplierBps([])).toBe(10_000);
    expect(weekAverageMultiplierBps([w({ startMinute: 0, endMinute: 720, multiplierBps: 20_000 })])).toBe(
      15_000,
    );
    // 4 h a day on 5 weekdays at 1.5x: 1 + 0.5 × 20 / 168
    expect(weekAverageMultiplierBps([w({ weekdays: [1, 2, 3, 4, 5] })])).toBe(10_595);
  });
});

describe("the volume price", () => {
  it("is the same in the calculator (TypeScript) and the charge (SQL)", async () => {
    const steps = [
      { fromUnits: 10, discountBps: 1000 },
      { fromUnits: 20, discountBps: 2500 },
    ];
    const cases: [bigint, bigint, bigint][] = [
      [100_000n, 0n, 8n],
      [50_000n, 8n, 4n],
      [777_777n, 5n, 30n],
      [1n, 19n, 3n],
      [12_345n, 25n, 0n],
      [99n, 0n, 1n],
    ];
    for (const [charge, before, units] of cases) {
      const [{ price }] = await db.$queryRaw<{ price: bigint }[]>`
        select tollgate_volume_price(${charge}::bigint, ${before}::bigint, ${units}::bigint,
          ${JSON.stringify(steps.map((s) => [s.fromUnits, s.discountBps]))}::jsonb) as price`;
      expect(volumePrice(charge, before, units, steps)).toBe(price);
    }
    // By hand: 4 units at 12,500 each after 8: 2 at full, 2 at −10 % = 25,000 + 22,500
    expect(volumePrice(50_000n, 8n, 4n, steps)).toBe(47_500n);
  });
});

describe("the price book's rules", () => {
  async function model() {
    const app = await db.app.findFirstOrThrow();
    const free = await db.tier.findFirstOrThrow({ where: { code: FREE_TIER_CODE } });
    const slug = `rules-${randomUUID().slice(0, 8)}`;
    return db.model.create({
      data: {
        key: `${app.key}:${slug}`,
        appId: app.id,
        name: slug,
        unit: "image",
        tiers: { create: { tierId: free.id } },
      },
    });
  }
  const time = (modelId: string, over: Record<string, string> = {}) =>
    priceRuleSchema.parse({
      kind: "time_of_day",
      name: "Peak",
      scope: `model:${modelId}`,
      start: "14:00",
      end: "18:00",
      multiplier: "1.5",
      ...over,
    });

  it("refuses overlapping windows of one scope and a second volume rule, with clear messages", async () => {
    const m = await model();
    await createPriceRule(admin, time(m.id, { weekdays: "Mon" }));
    await expect(createPriceRule(admin, time(m.id, { start: "17:00", end: "20:00" }))).rejects.toMatchObject({
      status: 400,
      message: "This window overlaps “Peak” (14:00–18:00 UTC, Mon: 1.5x).",
    });
    // Another day, or back to back, is fine.
    await createPriceRule(admin, time(m.id, { weekdays: "Tue" }));
    await createPriceRule(admin, time(m.id, { start: "18:00", end: "20:00", weekdays: "Mon" }));
    const steps = priceRuleSchema.parse({
      kind: "volume",
      name: "Vol",
      scope: `model:${m.id}`,
      steps: "10: 5",
    });
    await createPriceRule(admin, steps);
    await expect(createPriceRule(admin, steps)).rejects.toMatchObject({
      message: "“Vol” already sets volume steps for this scope: edit or archive it instead.",
    });
    await expect(
      createPriceRule(
        admin,
        priceRuleSchema.parse({ kind: "volume", name: "Bad", scope: `tier:${m.id}`, steps: "10: 5" }),
      ),
    ).rejects.toMatchObject({ message: "That plan tier does not exist." });
  });

  it("versions a change, refuses effective dates in the past and a change of scope", async () => {
    const m = await model();
    const other = await model();
    const rule = await createPriceRule(admin, time(m.id));
    const v2 = await updatePriceRule(admin, rule.id, time(m.id, { multiplier: "2" }));
    expect(v2).toMatchObject({ id: rule.id, version: 2, multiplierBps: 20_000 });
    await expect(
      updatePriceRule(admin, rule.id, time(m.id, { effectiveFrom: "2020-01-01T00:00" })),
    ).rejects.toMatchObject({
      message: "Effective from cannot be in the past.",
    });
    await expect(updatePriceRule(admin, rule.id, time(other.id))).rejects.toMatchObject({
      message: "A rule keeps its kind and scope: archive it and create another.",
    });
    // Editing a rule does not collide with its own earlier window.
    await updatePriceRule(admin, rule.id, time(m.id, { start: "15:00" }));
    expect(await db.priceRule.count({ where: { id: rule.id } })).toBe(3);
  });
});
