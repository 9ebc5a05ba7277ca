import { describe, expect, it } from "vitest";
import { changeBalance } from "@/lib/billing/ledger";
import { db } from "@/lib/db";
import { createUser, creditsOnly } from "@/test/factories";
import { ledgerSum } from "@/test/metering";
import { balanceOf, buyer, card, subscribed } from "@/test/payments";
import { startCreditPackCheckout } from "./checkout";
import { payLocalCheckout } from "./local";
import { refundPayment } from "./refunds";

const DAY = 864e5;

/** A pack bought by a workspace holding nothing else (its sign-up credits taken back). */
async function packBought() {
  const b = await buyer();
  await creditsOnly(b.workspaceId);
  const { url } = await startCreditPackCheckout(b, "credits-50k");
  const checkoutId = url.split("/").pop()!;
  await payLocalCheckout(b.user.id, card(checkoutId));
  const payment = await db.payment.findUniqueOrThrow({ where: { checkoutSessionId: checkoutId } });
  return { ...b, payment };
}

describe("admin refunds", () => {
  it("refund in full within 24 hours, claw back the credits, and audit who did it", async () => {
    const admin = await createUser({ role: "admin" });
    const b = await packBought();
    const quote = await refundPayment({ id: admin.id, email: admin.email }, b.payment.id);
    expect(quote).toMatchObject({ amountCents: 5_000, basis: "full" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: b.payment.id } })).toMatchObject({
      status: "refunded",
      refundedCents: 5_000,
    });
    expect(await balanceOf(b.workspaceId)).toBe(0n);
    expect(await ledgerSum(b.workspaceId)).toBe(0n);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "payment.refunded", targetId: b.payment.id },
    });
    expect(audit).toMatchObject({ actorId: admin.id, actorEmail: admin.email });
    await expect(refundPayment({ id: admin.id, email: admin.email }, b.payment.id)).rejects.toThrow(
      /Nothing is left to refund/,
    );
  });

  it("after 24 hours a credit pack is refunded for its unspent share, and the balance never goes below zero", async () => {
    const b = await packBought();
    await db.payment.update({
      where: { id: b.payment.id },
      data: { createdAt: new Date(Date.now() - 2 * DAY) },
    });
    // 40% of the 52,500 credits are spent.
    await changeBalance({
      workspaceId: b.workspaceId,
      kind: "usage",
      amountMillicredits: -21_000_000n,
      reference: "usage:refund-test",
    });
    const quote = await refundPayment(null, b.payment.id);
    expect(quote).toMatchObject({ amountCents: 3_000, basis: "unspent_credits" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: b.payment.id } })).toMatchObject({
      status: "partially_refunded",
      refundedCents: 3_000,
    });
    expect(await balanceOf(b.workspaceId)).toBe(0n);
    expect(await ledgerSum(b.workspaceId)).toBe(0n);
  });

  it("after 24 hours a plan payment is refunded for the time left in its period", async () => {
    const s = await subscribed("pro", "month");
    const payment = await db.payment.findFirstOrThrow({ where: { workspaceId: s.workspaceId } });
    // 3 of 30 days used, paid 3 days ago.
    const start = new Date(Date.now() - 3 * DAY);
    await db.payment.update({
      where: { id: payment.id },
      data: { createdAt: start, periodStart: start, periodEnd: new Date(start.getTime() + 30 * DAY) },
    });
    const quote = await refundPayment(null, payment.id);
    expect(quote.basis).toBe("time_left");
    expect(quote.amountCents).toBeGreaterThanOrEqual(7_109);
    expect(quote.amountCents).toBeLessThanOrEqual(7_110);
    // The refunded share of the included credits the payment added goes back too: 90% of the
    // 99,000 that topped the month's 1,000 free credits up to Pro's 100,000.
    expect(Number(await balanceOf(s.workspaceId))).toBeCloseTo(10_900_000, -5);
  });
});
