import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, creditsOnly } from "@/test/factories";
import { ledgerSum } from "@/test/metering";
import { balanceOf, buyer, card, subscribed } from "@/test/payments";
import { startCreditPackCheckout } from "./checkout";
import { payLocalCheckout } from "./local";
import { issueRefund, type RefundInput } from "./refund-request";

async function packBought() {
  const b = await buyer();
  await creditsOnly(b.workspaceId);
  const { url } = await startCreditPackCheckout(b, "credits-50k");
  const checkoutId = url.split("/").pop()!;
  await payLocalCheckout(b.user.id, card(checkoutId));
  const payment = await db.payment.findUniqueOrThrow({ where: { checkoutSessionId: checkoutId } });
  return { ...b, payment };
}

let n = 0;
const input = (paymentId: string, amount: number, more: Partial<RefundInput> = {}): RefundInput => ({
  paymentId,
  requestKey: `test-${Date.now()}-${n++}`,
  amount,
  reason: "requested_by_customer",
  note: undefined,
  planAction: "keep",
  ...more,
});

async function anAdmin() {
  const a = await createUser({ role: "admin" });
  return { id: a.id, email: a.email };
}

describe("partial refunds", () => {
  it("several partial refunds until the total, never past it; each emails the customer and shows in the workspace's audit", async () => {
    const admin = await anAdmin();
    const b = await packBought(); // $50.00 for 52,500 credits
    await issueRefund(admin, input(b.payment.id, 2_000));
    await issueRefund(admin, input(b.payment.id, 2_000));
    await expect(issueRefund(admin, input(b.payment.id, 1_500))).rejects.toThrow(
      /At most \$10\.00 is left to refund/,
    );
    await issueRefund(admin, input(b.payment.id, 1_000, { reason: "other", note: "Trial never worked" }));
    await expect(issueRefund(admin, input(b.payment.id, 1))).rejects.toThrow(/Nothing is left to refund/);

    expect(await db.payment.findUniqueOrThrow({ where: { id: b.payment.id } })).toMatchObject({
      status: "refunded",
      refundedCents: 5_000,
    });
    // Nothing was spent, so every credit the pack bought went back, through the ledger.
    expect(await balanceOf(b.workspaceId)).toBe(0n);
    expect(await ledgerSum(b.workspaceId)).toBe(0n);

    const emails = await db.emailOutbox.findMany({
      where: { template: "refund-issued", to: b.user.email },
      orderBy: { createdAt: "asc" },
    });
    expect(emails.map((e) => e.subject)).toEqual([
      expect.stringContaining("refunded $20.00"),
      expect.stringContaining("refunded $20.00"),
      expect.stringContaining("refunded $10.00"),
    ]);
    expect(emails[2].text).toContain("Trial never worked");
    const audit = await db.auditLog.findMany({
      where: { targetType: "workspace", targetId: b.workspaceId, action: "payment.refund" },
    });
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({ actorEmail: admin.email });
  });

  it("a double click (the same request twice, at once) refunds once", async () => {
    const admin = await anAdmin();
    const b = await packBought();
    const same = input(b.payment.id, 2_500);
    const results = await Promise.all([issueRefund(admin, same), issueRefund(admin, same)]);
    expect(results.map((r) => r.applied).sort()).toEqual([false, true]);
    expect(await db.refund.count({ where: { paymentId: b.payment.id } })).toBe(1);
    expect(await db.payment.findUniqueOrThrow({ where: { id: b.payment.id } })).toMatchObject({
      status: "partially_refunded",
      refundedCents: 2_500,
    });
    expect(await db.emailOutbox.count({ where: { template: "refund-issued", to: b.user.email } })).toBe(1);
  });

  it("two admins refunding at once never take the total past the payment", async () => {
    const [a, c] = [await anAdmin(), await anAdmin()];
    const b = await packBought();
    const outcomes = await Promise.allSettled([
      issueRefund(a, input(b.payment.id, 3_000)),
      issueRefund(c, input(b.payment.id, 3_000)),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(String((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason)).toMatch(
      /At most \$20\.00/,
    );
    expect((await db.payment.findUniqueOrThrow({ where: { id: b.payment.id } })).refundedCents).toBe(3_000);
  });

  it("refunds half a plan payment and cancels the plan at the end of its period", async () => {
    const admin = await anAdmin();
    const s = await subscribed("pro", "month");
    const payment = await db.payment.findFirstOrThrow({ where: { workspaceId: s.workspaceId } });
    const half = Math.floor(payment.amountCents / 2);
    await issueRefund(admin, input(payment.id, half, { planAction: "cancel_at_period_end" }));
    const sub = await db.subscription.findFirstOrThrow({
      where: { workspaceId: s.workspaceId, status: "active" },
    });
    expect(sub.cancelAtPeriodEnd).toBe(true);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { template: "refund-issued", to: s.user.email },
    });
    expect(email.text).toMatch(/will not renew/);
  });

  it("refuses to cancel a plan the workspace does not have, and refunds nothing", async () => {
    const admin = await anAdmin();
    const b = await packBought();
    await expect(
      issueRefund(admin, input(b.payment.id, 1_000, { planAction: "cancel_now" })),
    ).rejects.toThrow(/no paid plan/);
    expect(await db.refund.count({ where: { paymentId: b.payment.id } })).toBe(0);
  });
});
