import { describe, expect, it } from "vitest";
import { POST as usage } from "@/app/api/v1/usage/route";
import { changeBalance } from "@/lib/billing/ledger";
import { db } from "@/lib/db";
import { setOverage } from "@/lib/workspaces/workspaces";
import { usageRequest } from "@/test/metering";
import { balanceOf, buyer, subscribed } from "@/test/payments";
import { createApiKey } from "./api-keys";
import { utcDay } from "./time";

// What a call draws (SPEC §2, issue 20): the plan's daily quota, then credits — overage to credits is
// on unless the owner chose a hard stop — and a refusal says what the call needed and what is left.

const STANDARD = "poster-editor:inpaint-standard"; // 1 quota unit an image, on every plan
const VEO = "video-generator:veo-3"; // 10 quota units a second, Pro and up

async function caller(workspaceId: string) {
  const { key } = await createApiKey(null, workspaceId, { name: "drawdown" });
  return async (model: string, quantity = 1) => {
    const res = await usage(usageRequest(key, { model, quantity }));
    return { status: res.status, body: await res.json() };
  };
}

const useQuota = (workspaceId: string, used: number) =>
  db.quotaCounter.upsert({
    where: { workspaceId_day: { workspaceId, day: utcDay(new Date()) } },
    create: { workspaceId, day: utcDay(new Date()), used },
    update: { used },
  });

describe("drawdown: quota, then credits", () => {
  it("a new free workspace draws its 50 daily units first, then its included credits", async () => {
    const { workspaceId } = await buyer();
    const call = await caller(workspaceId);
    const first = await call(STANDARD);
    expect(first.body).toMatchObject({ billedTo: "quota", quota: { used: 1, limit: 50 } });
    expect(first.body.charged.millicredits).toBe(0);
    await useQuota(workspaceId, 50);
    const before = await balanceOf(workspaceId);
    const past = await call(STANDARD);
    expect(past.status).toBe(200);
    expect(past.body.billedTo).toBe("credits");
    expect(await balanceOf(workspaceId)).toBe(before - BigInt(past.body.charged.millicredits));
  });

  it("a Pro subscriber past the daily quota carries on with included credits by default", async () => {
    const { workspaceId } = await subscribed("pro", "month");
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).overageEnabled).toBe(true);
    await useQuota(workspaceId, 2998);
    const call = await caller(workspaceId);
    const res = await call(VEO);
    expect(res.status).toBe(200);
    expect(res.body.billedTo).toBe("credits");
    expect(res.body.balance.millicredits).toBe(100_000_000 - res.body.charged.millicredits);
  });

  it("with the owner's hard stop, the refusal says what the call needed and what is left today", async () => {
    const s = await subscribed("pro", "month");
    await setOverage(s.actor, s.workspaceId, false);
    await useQuota(s.workspaceId, 2998);
    const call = await caller(s.workspaceId);
    const res = await call(VEO);
    expect(res.status).toBe(429);
    expect(res.body.error).toMatchObject({
      code: "quota_exceeded",
      message: "This call needs 10 quota units; 2 are left today.",
    });
    expect(await balanceOf(s.workspaceId)).toBe(100_000_000n);
    // What still fits goes through on the quota.
    expect((await call(STANDARD, 2)).body).toMatchObject({ billedTo: "quota", quota: { used: 3000 } });
  });

  it("an empty wallet says what the call needed and what is left", async () => {
    const { workspaceId } = await buyer();
    await useQuota(workspaceId, 50);
    await changeBalance({
      workspaceId,
      amountMillicredits: 5_000n - (await balanceOf(workspaceId)),
      kind: "usage",
      reference: "usage:drawdown",
    }); // 5 credits left
    const res = await (await caller(workspaceId))(STANDARD);
    expect(res.status).toBe(402);
    expect(res.body.error).toMatchObject({
      code: "insufficient_credits",
      message: "This call needs 12 credits; 5 credits are left.",
      requiredMillicredits: 12_000,
      balanceMillicredits: 5_000,
    });
  });
});
