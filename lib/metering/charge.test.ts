import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { apiWorkspace, ledgerSum } from "@/test/metering";
import { authenticate } from "./authenticate";
import { chargeUsage } from "./charge";
import { InsufficientCreditsError, QuotaExceededError } from "./errors";

const STANDARD = "poster-editor:inpaint-standard"; // 10,000 µ$ an image; free tier markup = default 20% -> 12,000 mc

describe("charging one pay-as-you-go wallet from many parallel calls", () => {
  it("never overdraws: balance = start − successful charges = ledger sum; events = successes; refusals are 402", async () => {
    const start = 1_000_000n;
    const { workspace, key } = await apiWorkspace({ balance: start });
    const caller = await authenticate(`Bearer ${key}`);
    const quantities = Array.from({ length: 80 }, () => 1 + Math.floor(Math.random() * 5));
    const results = await Promise.allSettled(
      quantities.map((quantity) => chargeUsage(caller, { model: STANDARD, quantity }, null)),
    );

    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(ok.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const e of refused) {
      expect(e).toBeInstanceOf(InsufficientCreditsError);
      expect(e.status).toBe(402);
    }
    const charged = ok.reduce((sum, r) => sum + r.chargedMillicredits, 0n);
    const after = await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } });
    expect(after.balanceMillicredits).toBe(start - charged);
    expect(after.balanceMillicredits >= 0n).toBe(true);
    expect(await ledgerSum(workspace.id)).toBe(after.balanceMillicredits);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(ok.length);
    // Every refusal happened when the remaining balance could not pay for that call.
    expect(after.balanceMillicredits).toBeLessThan(12_000n * 5n);
    expect(ok.every((r) => r.billedTo === "credits" && r.chargedMillicredits % 12_000n === 0n)).toBe(true);
  });
});

describe("a daily quota at its limit under parallel calls", () => {
  it("admits exactly what fits, refuses the rest with 429, and charges no credits", async () => {
    // Starter: 500 units a day; inpaint-standard weighs 1 per image.
    const { workspace, key } = await apiWorkspace({
      tier: "starter",
      accountType: "subscription",
      balance: 1_000_000n,
    });
    const caller = await authenticate(`Bearer ${key}`);
    // Mixed sizes 1..15 adding up to 565 units, so some calls must be refused whatever order they land in.
    const quantities = Array.from({ length: 70 }, (_, i) => 1 + ((i * 7) % 15));
    const results = await Promise.allSettled(
      quantities.map((quantity) => chargeUsage(caller, { model: STANDARD, quantity }, null)),
    );
    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(refused.length).toBeGreaterThan(0);
    for (const e of refused) expect(e).toBeInstanceOf(QuotaExceededError);
    const counter = await db.quotaCounter.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    const events = await db.usageEvent.findMany({ where: { workspaceId: workspace.id } });
    expect(events).toHaveLength(ok.length);
    expect(counter.used).toBe(events.reduce((s, e) => s + e.quotaUnits, 0));
    expect(counter.used).toBeLessThanOrEqual(500);
    expect(ok.every((r) => r.billedTo === "quota" && r.chargedMillicredits === 0n)).toBe(true);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).balanceMillicredits).toBe(
      1_000_000n,
    );
  });

  it("keys the quota by UTC day: a call at 00:00:00 UTC draws a fresh quota", async () => {
    const { workspace, key } = await apiWorkspace({ tier: "starter", accountType: "subscription" });
    const caller = await authenticate(`Bearer ${key}`);
    const lastMs = new Date("2026-05-04T23:59:59.999Z");
    const midnight = new Date("2026-05-05T00:00:00.000Z");
    const first = await chargeUsage(caller, { model: STANDARD, quantity: 500 }, null, lastMs);
    expect(first.quota).toEqual({ used: 500, limit: 500, resetsAt: midnight });
    await expect(chargeUsage(caller, { model: STANDARD, quantity: 1 }, null, lastMs)).rejects.toBeInstanceOf(
      QuotaExceededError,
    );
    const next = await chargeUsage(caller, { model: STANDARD, quantity: 1 }, null, midnight);
    expect(next.quota).toEqual({ used: 1, limit: 500, resetsAt: new Date("2026-05-06T00:00:00.000Z") });
    expect(await db.quotaCounter.count({ where: { workspaceId: workspace.id } })).toBe(2);
  });

  it("overflows to credits when the owner enabled overage", async () => {
    const { key } = await apiWorkspace({
      tier: "starter",
      accountType: "subscription",
      overage: true,
      balance: 100_000n,
    });
    const caller = await authenticate(`Bearer ${key}`);
    await chargeUsage(caller, { model: STANDARD, quantity: 500 }, null);
    const over = await chargeUsage(caller, { model: STANDARD, quantity: 2 }, null);
    // Starter markup 10%: 2 × 10,000 × 1.1 = 22,000
    expect(over).toMatchObject({
      billedTo: "credits",
      chargedMillicredits: 22_000n,
      balanceMillicredits: 78_000n,
    });
  });
});

describe("idempotency", () => {
  it("charges once for concurrent requests with one key and replays the first answer", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 500_000n });
    const caller = await authenticate(`Bearer ${key}`);
    const results = await Promise.all(
      Array.from({ length: 16 }, () => chargeUsage(caller, { model: STANDARD, quantity: 2 }, "idem-1")),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(
      results.every((r) => r.chargedMillicredits === 24_000n && r.balanceMillicredits === 476_000n),
    ).toBe(true);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).balanceMillicredits).toBe(
      476_000n,
    );
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it("refuses the same key with a different body, and keys are per workspace", async () => {
    const a = await apiWorkspace({ balance: 500_000n });
    const b = await apiWorkspace({ balance: 500_000n });
    const callerA = await authenticate(`Bearer ${a.key}`);
    const callerB = await authenticate(`Bearer ${b.key}`);
    await chargeUsage(callerA, { model: STANDARD, quantity: 1 }, "shared");
    await expect(chargeUsage(callerA, { model: STANDARD, quantity: 2 }, "shared")).rejects.toMatchObject({
      code: "idempotency_key_reused",
      status: 409,
    });
    const other = await chargeUsage(callerB, { model: STANDARD, quantity: 1 }, "shared");
    expect(other.replayed).toBe(false);
  });
});
