import { describe, expect, it } from "vitest";
import { POST as batch } from "@/app/api/v1/usage/batch/route";
import { db } from "@/lib/db";
import { apiWorkspace, ledgerSum } from "@/test/metering";
import { authenticate, type ApiCaller } from "./authenticate";
import {
  commitReservation,
  holdCredits,
  releaseExpiredReservations,
  releaseReservation,
} from "./reservations";

const CHAT = "chat:gpt-4o-mini"; // 150 / 600 µ$ per 1K tokens; free tier markup 20%

/** A hold for a chat call of `tokens` in and `tokens` out. */
const chatHold = (caller: ApiCaller, tokens: number, ttlSeconds?: number) =>
  holdCredits(caller, { model: CHAT, inputTokens: tokens, outputTokens: tokens, ttlSeconds });

async function balance(id: string) {
  return (await db.workspace.findUniqueOrThrow({ where: { id } })).balanceMillicredits;
}

describe("reservations", () => {
  it("holds the estimate, then commits below it and returns the difference", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 100_000n });
    const caller = await authenticate(`Bearer ${key}`);
    // estimate: 10K in + 10K out = 1,500 + 6,000 = 7,500 µ$ × 1.2 = 9,000
    const hold = await chatHold(caller, 10_000, 300);
    expect(hold.heldMillicredits).toBe(9_000n);
    expect(await balance(workspace.id)).toBe(91_000n);
    // actual: 2K in + 1K out = 300 + 600 = 900 × 1.2 = 1,080
    const done = await commitReservation(caller, hold.id, { inputTokens: 2_000, outputTokens: 1_000 });
    expect(done).toMatchObject({
      chargedMillicredits: 1_080n,
      balanceMillicredits: 98_920n,
      heldMillicredits: 9_000n,
    });
    expect(await balance(workspace.id)).toBe(98_920n);
    expect(await ledgerSum(workspace.id)).toBe(98_920n);
    await expect(commitReservation(caller, hold.id, { inputTokens: 1 })).rejects.toMatchObject({
      code: "reservation_settled",
    });
  });

  it("commits above the hold when the balance allows, and never below zero when it does not", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 20_000n });
    const caller = await authenticate(`Bearer ${key}`);
    const hold = await chatHold(caller, 1_000); // 900
    const over = await commitReservation(caller, hold.id, { inputTokens: 10_000, outputTokens: 10_000 }); // 9,000
    expect(over.chargedMillicredits).toBe(9_000n);
    expect(await balance(workspace.id)).toBe(11_000n);

    const small = await chatHold(caller, 1_000); // 900
    const capped = await commitReservation(caller, small.id, { inputTokens: 100_000, outputTokens: 100_000 }); // 90,000 wanted
    expect(capped.chargedMillicredits).toBe(11_000n);
    expect(await balance(workspace.id)).toBe(0n);
    const event = await db.usageEvent.findFirstOrThrow({ where: { id: capped.id } });
    expect(event.metadata).toMatchObject({ uncollectedMillicredits: 79_000 });
    expect(await ledgerSum(workspace.id)).toBe(0n);
  });

  it("refuses a hold the balance cannot cover, and releases a hold in full", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 5_000n });
    const caller = await authenticate(`Bearer ${key}`);
    await expect(chatHold(caller, 10_000)).rejects.toMatchObject({ status: 402 });
    const hold = await chatHold(caller, 1_000);
    await releaseReservation(workspace.id, hold.id);
    expect(await balance(workspace.id)).toBe(5_000n);
    await expect(releaseReservation(workspace.id, hold.id)).rejects.toMatchObject({ status: 409 });
  });

  it("releases expired holds exactly once, even when two sweeps run at once", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 50_000n });
    const caller = await authenticate(`Bearer ${key}`);
    const hold = await chatHold(caller, 10_000, 10);
    expect(await balance(workspace.id)).toBe(41_000n);
    const later = new Date(Date.now() + 11_000);
    const [a, b] = await Promise.all([releaseExpiredReservations(later), releaseExpiredReservations(later)]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect((await db.reservation.findUniqueOrThrow({ where: { id: hold.id } })).status).toBe("expired");
    expect(await balance(workspace.id)).toBe(50_000n);
    expect(await ledgerSum(workspace.id)).toBe(50_000n);
  });
});

describe("POST /api/v1/usage/batch", () => {
  it("charges each event on its own with a result per item", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 30_000n });
    const res = await batch(
      new Request("http://localhost/api/v1/usage/batch", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({
          events: [
            { model: "poster-editor:inpaint-standard", quantity: 1, idempotencyKey: "b1" },
            { model: "poster-editor:inpaint-standard", quantity: 1, idempotencyKey: "b1" },
            { model: "nope:model" },
            { model: "poster-editor:inpaint-standard", quantity: 5 },
          ],
        }),
      }),
    );
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results.map((r: { status: number }) => r.status)).toEqual([200, 200, 404, 402]);
    expect(results[0].id).toBe(results[1].id);
    expect(await balance(workspace.id)).toBe(18_000n);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });
});
