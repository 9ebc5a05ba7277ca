import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, startingCredits } from "@/test/factories";
import { ledgerSum } from "@/test/metering";
import { couponSchema, createCoupon, redeemCoupon } from "./coupons";

const admin = { id: "admin", email: "admin@example.test" };
const code = () => `WELCOME-${randomUUID().slice(0, 6).toUpperCase()}`;

async function member() {
  const user = await createUser({ verified: true });
  const { workspaceId } = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
  return { actor: { id: user.id, email: user.email }, workspaceId };
}

const couponEmails = (to: string) => db.emailOutbox.findMany({ where: { to, template: "coupon-redeemed" } });

describe("credit coupons", () => {
  it("credit a workspace once, and never more often than the coupon allows, even all at once", async () => {
    const c = await createCoupon(
      admin,
      couponSchema.parse({ code: code(), kind: "credits", credits: "1000", maxRedemptions: "3" }),
    );
    const people = await Promise.all(Array.from({ length: 8 }, member));
    const results = await Promise.allSettled(
      people.map((p) => redeemCoupon(p.actor, p.workspaceId, c.code.toLowerCase())),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason.message).toBe("This coupon has been fully redeemed.");
    expect((await db.coupon.findUniqueOrThrow({ where: { id: c.id } })).redemptionCount).toBe(3);
    const credited = await Promise.all(
      people.map(
        async (p) =>
          (await db.workspace.findUniqueOrThrow({ where: { id: p.workspaceId } })).balanceMillicredits,
      ),
    );
    const start = await startingCredits();
    expect(credited.filter((b) => b === start + 1_000_000n)).toHaveLength(3);
    for (const p of people)
      expect(await ledgerSum(p.workspaceId)).toBe(
        (await db.workspace.findUniqueOrThrow({ where: { id: p.workspaceId } })).balanceMillicredits,
      );
    // An email for each redemption that went through, none for the refused ones.
    const emails = await Promise.all(
      people.map(async (p, i) => ({
        credited: credited[i] === start + 1_000_000n,
        count: (await couponEmails(p.actor.email)).length,
      })),
    );
    expect(emails.every((e) => e.count === (e.credited ? 1 : 0))).toBe(true);
  });

  it("refuse a second redemption by the same workspace, expired and unknown codes, with readable messages", async () => {
    const p = await member();
    const c = await createCoupon(
      admin,
      couponSchema.parse({ code: code(), kind: "credits", credits: "500" }),
    );
    await redeemCoupon(p.actor, p.workspaceId, c.code);
    await expect(redeemCoupon(p.actor, p.workspaceId, c.code)).rejects.toThrow(
      "This workspace has already redeemed that coupon.",
    );
    const emails = await couponEmails(p.actor.email);
    expect(emails).toHaveLength(1);
    const redemption = await db.couponRedemption.findFirstOrThrow({
      where: { couponId: c.id, workspaceId: p.workspaceId },
    });
    expect(emails[0]).toMatchObject({
      subject: `Coupon ${c.code} applied`,
      idempotencyKey: `coupon-redeemed:${redemption.id}`,
    });
    expect(emails[0].text).toContain("500 credits");
    // A coupon cannot be created already expired; one that has expired since is refused.
    const old = await createCoupon(
      admin,
      couponSchema.parse({ code: code(), kind: "credits", credits: "500" }),
    );
    await db.coupon.update({ where: { id: old.id }, data: { expiresAt: new Date("2020-01-01T23:59:59Z") } });
    await expect(redeemCoupon(p.actor, p.workspaceId, old.code)).rejects.toThrow("This coupon has expired.");
    await expect(redeemCoupon(p.actor, p.workspaceId, "NOPE-NOPE")).rejects.toThrow(
      "That coupon code doesn't exist.",
    );
    expect((await db.workspace.findUniqueOrThrow({ where: { id: p.workspaceId } })).balanceMillicredits).toBe(
      (await startingCredits()) + 500_000n,
    );
    await expect(
      createCoupon(admin, couponSchema.parse({ code: c.code, kind: "credits", credits: "1" })),
    ).rejects.toThrow(/already uses that code/);
  });
});
