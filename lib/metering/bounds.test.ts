import { describe, expect, it } from "vitest";
import { POST as usage } from "@/app/api/v1/usage/route";
import { POST as hold } from "@/app/api/v1/reservations/route";
import { db } from "@/lib/db";
import { apiWorkspace, ledgerSum, usageRequest } from "@/test/metering";

// Quantities and token counts are bounded so that the price, the quota units and the balances fit
// their columns (SPEC §8.1): what does not fit is a 400, what fits but is refused is a 4xx, never 500.

async function call(key: string, body: unknown) {
  const res = await usage(usageRequest(key, body));
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
}

describe("bounded usage", () => {
  it("400 for quantities past 10^9 and for calls whose price or quota units would not fit", async () => {
    const { key, workspace } = await apiWorkspace({
      balance: 1_000_000n,
      tier: "enterprise",
      accountType: "subscription",
    });
    for (const body of [
      { model: "poster-editor:inpaint-standard", quantity: 2 ** 31 },
      { model: "poster-editor:inpaint-standard", quantity: 2 ** 53 },
      // 10^9 seconds × quota weight 10 is past int4.
      { model: "video-generator:veo-3", quantity: 1_000_000_000 },
      // 10^12 tokens: 10^9 thousand-token units × weight 3.
      { model: "chat:claude-sonnet", inputTokens: 1_000_000_000_000 },
    ]) {
      const res = await call(key, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.code).toBe("invalid_request");
    }
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("a call bigger than the whole daily quota is quota_exceeded (or overage), not an integer overflow", async () => {
    const { key, workspace } = await apiWorkspace({
      balance: 1_000_000n,
      tier: "starter",
      accountType: "subscription",
    });
    const refused = await call(key, { model: "poster-editor:inpaint-standard", quantity: 999_999_999 });
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe("quota_exceeded");
    await db.workspace.update({ where: { id: workspace.id }, data: { overageEnabled: true } });
    const overage = await call(key, { model: "poster-editor:inpaint-standard", quantity: 999_999_999 });
    expect(overage.status).toBe(402);
    expect(overage.body.error?.code).toBe("insufficient_credits");
    expect(await ledgerSum(workspace.id)).toBe(1_000_000n);
  });

  it("a hold of two trillion tokens is an honest 402, not an overflow", async () => {
    const { key } = await apiWorkspace({ balance: 1_000_000n, tier: "enterprise" });
    const res = await hold(
      new Request("http://localhost/api/v1/reservations", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({
          model: "chat:claude-sonnet",
          inputTokens: 1_000_000_000_000,
          outputTokens: 1_000_000_000_000,
        }),
      }),
    );
    expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([
      402,
      "insufficient_credits",
    ]);
  });
});

describe("assertPriceable", () => {
  it("refuses money at or past 2^53 and quota units past int4", async () => {
    const { assertPriceable } = await import("./charge");
    const price = (m: bigint) => ({
      millicredits: m,
      providerCostMicros: 0n,
      markupBps: 0,
      markupSource: "default" as const,
      priceVersion: 1,
    });
    expect(() => assertPriceable(price(2n ** 53n - 1n), 2 ** 31 - 1)).not.toThrow();
    expect(() => assertPriceable(price(2n ** 53n))).toThrow(/out of range/);
    expect(() => assertPriceable(price(1n), 2 ** 31)).toThrow(/out of range/);
  });
});

describe("chargeUsage's own idempotency-key check", () => {
  it("refuses an empty or blank key from any caller, before anything is stored", async () => {
    const { chargeUsage } = await import("./charge");
    const { authenticate } = await import("./authenticate");
    const { key, workspace } = await apiWorkspace({ balance: 1_000_000n });
    const caller = await authenticate(`Bearer ${key}`);
    for (const k of ["", "   ", "k".repeat(256)])
      await expect(chargeUsage(caller, { model: "poster-editor:inpaint-standard" }, k)).rejects.toMatchObject(
        { code: "invalid_request" },
      );
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });
});
