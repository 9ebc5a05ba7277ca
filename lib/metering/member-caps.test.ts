import { describe, expect, it } from "vitest";
import { POST as usage } from "@/app/api/v1/usage/route";
import { POST as batch } from "@/app/api/v1/usage/batch/route";
import { POST as reserve } from "@/app/api/v1/reservations/route";
import { db } from "@/lib/db";
import { apiWorkspace, ledgerSum, memberSpend, teamWorkspace, usageRequest } from "@/test/metering";
import { authenticate } from "./authenticate";
import { chargeUsage } from "./charge";
import { SpendCapReachedError } from "./errors";
import {
  commitReservation,
  holdCredits,
  releaseExpiredReservations,
  releaseReservation,
} from "./reservations";

const STANDARD = "poster-editor:inpaint-standard"; // free tier: 12,000 mc an image
const CHAT = "chat:gpt-4o-mini"; // 10K in + 10K out = 9,000 mc on the free tier
const MEMBER_CAP_MESSAGE = "Your monthly spend cap in this team would be exceeded.";
const KEY_CAP_MESSAGE = "This API key's monthly spend cap would be exceeded.";

async function call(key: string, body: unknown) {
  const res = await usage(usageRequest(key, body));
  return { status: res.status, body: await res.json() };
}

const balance = async (id: string) =>
  (await db.workspace.findUniqueOrThrow({ where: { id } })).balanceMillicredits;

describe("a team member's monthly spend cap", () => {
  it("refuses the member's call that would go over it with 402, while teammates keep drawing the shared balance", async () => {
    const { workspace, members } = await teamWorkspace({
      balance: 1_000_000n,
      members: [{ cap: 50_000n }, {}],
    });
    const [a, b] = members;
    for (let i = 0; i < 4; i++) expect((await call(a.key, { model: STANDARD })).status).toBe(200); // 48,000 of 50,000
    const refused = await call(a.key, { model: STANDARD });
    expect(refused.status).toBe(402);
    expect(refused.body).toMatchObject({ error: { code: "spend_cap_reached", message: MEMBER_CAP_MESSAGE } });
    expect(await balance(workspace.id)).toBe(952_000n);

    const before = await balance(workspace.id);
    for (let i = 0; i < 3; i++) {
      const ok = await call(b.key, { model: STANDARD, quantity: 2 });
      expect(ok.status).toBe(200);
      expect(ok.body.balance.millicredits).toBe(Number(before) - 24_000 * (i + 1));
    }
    expect((await call(a.key, { model: STANDARD })).status).toBe(402);
    expect(await memberSpend(workspace.id, a.user.id)).toBe(48_000n);
    expect(await memberSpend(workspace.id, b.user.id)).toBe(72_000n);
    expect(await ledgerSum(workspace.id)).toBe(await balance(workspace.id));
  });

  it("admits exactly what fits under the cap when 40 calls race, and counts exactly what was charged", async () => {
    const start = 2_000_000n;
    const { workspace, members } = await teamWorkspace({ balance: start, members: [{ cap: 50_000n }] });
    const [a] = members;
    const caller = await authenticate(`Bearer ${a.key}`);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => chargeUsage(caller, { model: STANDARD }, null)),
    );
    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(ok).toHaveLength(4); // 4 × 12,000 = 48,000 ≤ 50,000 < 60,000
    expect(refused).toHaveLength(36);
    for (const e of refused)
      expect(e).toMatchObject({ code: "spend_cap_reached", status: 402, cap: "member" });

    const spent = await memberSpend(workspace.id, a.user.id);
    const events = await db.usageEvent.findMany({ where: { apiKeyId: a.apiKey.id } });
    expect(spent).toBeLessThanOrEqual(50_000n);
    expect(spent).toBe(events.reduce((sum, e) => sum + e.chargedMillicredits, 0n));
    expect(spent).toBe(48_000n);
    expect(await balance(workspace.id)).toBe(start - spent);
    expect(await ledgerSum(workspace.id)).toBe(start - spent);
  });

  it("starts over in the next UTC month", async () => {
    const { workspace, members } = await teamWorkspace({ balance: 1_000_000n, members: [{ cap: 30_000n }] });
    const caller = await authenticate(`Bearer ${members[0].key}`);
    const lastMs = new Date("2026-05-31T23:59:59.999Z");
    const nextMonth = new Date("2026-06-01T00:00:00.000Z");
    await chargeUsage(caller, { model: STANDARD, quantity: 2 }, null, lastMs);
    await expect(chargeUsage(caller, { model: STANDARD }, null, lastMs)).rejects.toBeInstanceOf(
      SpendCapReachedError,
    );
    const fresh = await chargeUsage(caller, { model: STANDARD, quantity: 2 }, null, nextMonth);
    expect(fresh.chargedMillicredits).toBe(24_000n);
    expect(await memberSpend(workspace.id, members[0].user.id, new Date("2026-05-01T00:00:00.000Z"))).toBe(
      24_000n,
    );
    expect(await memberSpend(workspace.id, members[0].user.id, new Date("2026-06-01T00:00:00.000Z"))).toBe(
      24_000n,
    );
  });

  it("stops a batch at the cap, item by item", async () => {
    const { workspace, members } = await teamWorkspace({ balance: 1_000_000n, members: [{ cap: 50_000n }] });
    const res = await batch(
      new Request("http://localhost/api/v1/usage/batch", {
        method: "POST",
        headers: { authorization: `Bearer ${members[0].key}`, "content-type": "application/json" },
        body: JSON.stringify({
          events: [
            { model: STANDARD, quantity: 3 }, // 36,000
            { model: STANDARD, quantity: 2 }, // 60,000: over
            { model: STANDARD, quantity: 1 }, // 48,000
            { model: STANDARD, quantity: 1 }, // 60,000: over
          ],
        }),
      }),
    );
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results.map((r: { status: number }) => r.status)).toEqual([200, 402, 200, 402]);
    expect(results[1].error).toMatchObject({ code: "spend_cap_reached", message: MEMBER_CAP_MESSAGE });
    expect(await memberSpend(workspace.id, members[0].user.id)).toBe(48_000n);
    expect(await balance(workspace.id)).toBe(952_000n);
  });

  it("counts a hold against the cap until it is committed, released or expires", async () => {
    const { workspace, members } = await teamWorkspace({
      balance: 1_000_000n,
      members: [{ cap: 20_000n }, {}],
    });
    const [a, b] = members;
    const caller = await authenticate(`Bearer ${a.key}`);
    const estimate = { model: CHAT, inputTokens: 10_000, outputTokens: 10_000 };
    const first = await holdCredits(caller, estimate);
    const second = await holdCredits(caller, { ...estimate, ttlSeconds: 10 });
    expect(await memberSpend(workspace.id, a.user.id)).toBe(18_000n);

    const res = await reserve(
      new Request("http://localhost/api/v1/reservations", {
        method: "POST",
        headers: { authorization: `Bearer ${a.key}`, "content-type": "application/json" },
        body: JSON.stringify(estimate),
      }),
    );
    expect(res.status).toBe(402);
    expect((await res.json()).error).toMatchObject({
      code: "spend_cap_reached",
      message: MEMBER_CAP_MESSAGE,
    });
    // A teammate's hold is not affected.
    await holdCredits(await authenticate(`Bearer ${b.key}`), estimate);

    // Commit at the actual cost (2K in + 1K out = 1,080): the rest of the estimate is freed.
    await commitReservation(caller, first.id, { inputTokens: 2_000, outputTokens: 1_000 });
    expect(await memberSpend(workspace.id, a.user.id)).toBe(10_080n);
    // Expiry gives the hold back too.
    expect(await releaseExpiredReservations(new Date(Date.now() + 11_000))).toBeGreaterThanOrEqual(1);
    expect(await memberSpend(workspace.id, a.user.id)).toBe(1_080n);
    const third = await holdCredits(caller, estimate);
    await releaseReservation(workspace.id, third.id);
    expect(await memberSpend(workspace.id, a.user.id)).toBe(1_080n);
    expect((await db.reservation.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("expired");
    expect(await ledgerSum(workspace.id)).toBe(await balance(workspace.id));
  });

  it("counts a hold against the key's cap the same way", async () => {
    const { workspace, members } = await teamWorkspace({
      balance: 1_000_000n,
      members: [{ keyCap: 10_000n }],
    });
    const caller = await authenticate(`Bearer ${members[0].key}`);
    const estimate = { model: CHAT, inputTokens: 10_000, outputTokens: 10_000 };
    const hold = await holdCredits(caller, estimate);
    await expect(holdCredits(caller, estimate)).rejects.toMatchObject({
      code: "spend_cap_reached",
      cap: "api_key",
    });
    await releaseReservation(workspace.id, hold.id);
    expect(
      (await db.apiKeySpend.findFirstOrThrow({ where: { apiKeyId: members[0].apiKey.id } })).millicredits,
    ).toBe(0n);
    expect(await memberSpend(workspace.id, members[0].user.id)).toBe(0n);
    await holdCredits(caller, estimate);
  });

  it("counts an uncapped member's spend, keeps the key cap, and gives spend back when the balance refuses", async () => {
    const { workspace, members } = await teamWorkspace({
      balance: 1_000_000n,
      members: [{}, { keyCap: 30_000n }, { cap: 30_000n, keyCap: 100_000n }],
    });
    const [free, keyCapped, both] = members;
    for (let i = 0; i < 3; i++) expect((await call(free.key, { model: STANDARD })).status).toBe(200);
    expect(await memberSpend(workspace.id, free.user.id)).toBe(36_000n);

    expect((await call(keyCapped.key, { model: STANDARD, quantity: 2 })).status).toBe(200);
    const keyRefused = await call(keyCapped.key, { model: STANDARD });
    expect(keyRefused.status).toBe(402);
    expect(keyRefused.body.error).toMatchObject({ code: "spend_cap_reached", message: KEY_CAP_MESSAGE });
    expect(await memberSpend(workspace.id, keyCapped.user.id)).toBe(24_000n);

    // The member cap refuses first here; the key's spend counted for that call is given back.
    expect((await call(both.key, { model: STANDARD, quantity: 2 })).status).toBe(200);
    expect((await call(both.key, { model: STANDARD })).body.error.message).toBe(MEMBER_CAP_MESSAGE);
    expect(
      (await db.apiKeySpend.findFirstOrThrow({ where: { apiKeyId: both.apiKey.id } })).millicredits,
    ).toBe(24_000n);

    // A refusal for the balance counts nothing.
    const poor = await teamWorkspace({ balance: 20_000n, members: [{ cap: 100_000n }] });
    expect((await call(poor.members[0].key, { model: STANDARD, quantity: 2 })).body.error.code).toBe(
      "insufficient_credits",
    );
    expect(await memberSpend(poor.workspace.id, poor.members[0].user.id)).toBe(0n);

    // A key nobody in the workspace created (e.g. made through the management API) has no member.
    const solo = await apiWorkspace({ balance: 100_000n });
    expect((await call(solo.key, { model: STANDARD })).status).toBe(200);
    expect(await db.memberSpend.count({ where: { workspaceId: solo.workspace.id } })).toBe(0);
  });
});
