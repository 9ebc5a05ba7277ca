import { describe, expect, it } from "vitest";
import { POST as usage } from "@/app/api/v1/usage/route";
import type { Actor } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/metering/api-keys";
import { cardFields, saveLocalCard } from "@/lib/payments/cards";
import { creditsOnly, subscribe } from "@/test/factories";
import { ledgerSum, usageRequest } from "@/test/metering";
import { balanceOf, buyer } from "@/test/payments";
import { autoTopUpSettings, runAutoTopUp, saveAutoTopUp } from "./auto-top-up";
import { changeBalance } from "./ledger";

const credits = (n: number) => BigInt(n) * 1000n;
const PACK_10K = credits(10_000);

/** A pay-as-you-go workspace with `balance` credits, a saved card and an API key. */
async function wallet(balance: bigint, cardNumber = "4242 4242 4242 4242") {
  const b = await buyer();
  // Pro's rate limit (300 a minute) lets 50 calls through at once; pay as you go draws no quota.
  await subscribe(b.workspaceId, "pro", { provider: "manual" });
  await creditsOnly(b.workspaceId);
  await changeBalance({
    workspaceId: b.workspaceId,
    amountMillicredits: balance,
    kind: "admin_adjustment",
    reference: `test:seed:${b.workspaceId}`,
    reason: "test",
  });
  await saveLocalCard(b.workspaceId, cardFields.parse({ cardNumber, expiry: "12/40", cvc: "123" }));
  const { key } = await createApiKey(null, b.workspaceId, {
    name: "test",
    monthlySpendCapMillicredits: null,
  });
  return { ...b, key };
}

/** Turns auto top-up on: below `threshold` credits, buy `pack`, for at most `monthlyCapCents` a month. */
const enable = (
  w: { actor: Actor; workspaceId: string },
  threshold: bigint,
  monthlyCapCents: number,
  pack = "credits-10k",
) =>
  saveAutoTopUp(w.actor, w.workspaceId, {
    enabled: true,
    thresholdMillicredits: Number(threshold),
    pack,
    monthlyCapCents,
  });

const topUps = (workspaceId: string) =>
  db.payment.findMany({ where: { workspaceId, checkoutSessionId: { startsWith: "auto-topup:" } } });

describe("auto top-up", () => {
  it("50 concurrent charges crossing the threshold buy the pack exactly once", async () => {
    const w = await wallet(credits(1_200));
    await enable(w, credits(1_000), 5_000);
    expect(await topUps(w.workspaceId)).toHaveLength(0); // still above the threshold

    // 50 calls take the balance below 1,000; each is followed by a top-up run, as the job would
    // run, all at once.
    const results = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const res = await usage(usageRequest(w.key, { model: "poster-editor:inpaint-standard" }));
        expect(res.status).toBe(200);
        return runAutoTopUp(w.workspaceId);
      }),
    );
    expect(results.filter((r) => r.status === "charged")).toHaveLength(1);
    const paid = await topUps(w.workspaceId);
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({ status: "paid", amountCents: 1_000, millicredits: PACK_10K });
    expect(paid[0].checkoutSessionId).toBe(`auto-topup:${w.workspaceId}:1`);
    const spent = await db.usageEvent.aggregate({
      where: { workspaceId: w.workspaceId },
      _sum: { chargedMillicredits: true },
    });
    expect(credits(1_200) - spent._sum.chargedMillicredits!).toBeLessThan(credits(1_000));
    expect(await balanceOf(w.workspaceId)).toBe(credits(1_200) - spent._sum.chargedMillicredits! + PACK_10K);
    expect(await ledgerSum(w.workspaceId)).toBe(await balanceOf(w.workspaceId));
    // The crossing is settled: back above the threshold, nothing more to do.
    expect((await runAutoTopUp(w.workspaceId)).status).toBe("none");
  });

  it("never goes past the monthly cap", async () => {
    const w = await wallet(credits(500));
    // A cap of two packs: the first crossing (already below on saving) and a second one buy; the third does not.
    await enable(w, credits(1_000), 2_500);
    expect(await topUps(w.workspaceId)).toHaveLength(1);
    const drain = (ref: string) =>
      changeBalance({
        workspaceId: w.workspaceId,
        amountMillicredits: -credits(10_000),
        kind: "admin_adjustment",
        reference: `test:drain:${ref}:${w.workspaceId}`,
        reason: "test",
      });
    await drain("1");
    expect((await runAutoTopUp(w.workspaceId)).status).toBe("charged");
    await drain("2");
    expect((await runAutoTopUp(w.workspaceId)).status).toBe("none");
    const paid = await topUps(w.workspaceId);
    expect(paid).toHaveLength(2);
    expect(paid.reduce((s, p) => s + p.amountCents, 0)).toBeLessThanOrEqual(2_500);
    expect(await balanceOf(w.workspaceId)).toBe(credits(500));
  });

  it("a declined card pauses auto top-up, emails the owner and shows as a failed payment; re-enabling resumes", async () => {
    const w = await wallet(credits(2_000), "4000 0000 0000 0341");
    await enable(w, credits(5_000), 10_000);
    const settings = await autoTopUpSettings(w.workspaceId);
    expect(settings.paused?.reason).toMatch(/ending 0341 was declined/);
    const failed = await db.payment.findFirstOrThrow({ where: { workspaceId: w.workspaceId } });
    expect(failed).toMatchObject({ status: "failed", failureReason: expect.stringMatching(/declined/) });
    const emails = await db.emailOutbox.findMany({
      where: { to: w.user.email, template: "auto-top-up-declined" },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toMatch(/Auto top-up declined: \$10/);
    expect(await balanceOf(w.workspaceId)).toBe(credits(2_000));
    // Paused: further runs do nothing (no second charge, no second email).
    expect((await runAutoTopUp(w.workspaceId)).status).toBe("none");
    expect(await db.payment.count({ where: { workspaceId: w.workspaceId } })).toBe(1);

    // A working card lifts the pause; the next run buys the pack.
    await saveLocalCard(
      w.workspaceId,
      cardFields.parse({ cardNumber: "4242424242424242", expiry: "12/40", cvc: "1" + "23" }),
    );
    expect((await autoTopUpSettings(w.workspaceId)).paused).toBeNull();
    expect((await runAutoTopUp(w.workspaceId)).status).toBe("charged");
    expect(await balanceOf(w.workspaceId)).toBe(credits(2_000) + PACK_10K);
  });

  it("settings are audited and validated", async () => {
    const w = await wallet(credits(50_000));
    await expect(enable(w, 1000n, 100, "credits-50k")).rejects.toThrow(/at least the pack's price/);
    await enable(w, 1000n, 10_000, "credits-50k");
    expect(
      await db.auditLog.count({ where: { action: "workspace.auto_top_up", targetId: w.workspaceId } }),
    ).toBe(1);
  });
});
