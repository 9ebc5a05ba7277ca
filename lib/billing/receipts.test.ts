import { describe, expect, it, vi } from "vitest";
import { pdfText } from "@/test/pdf";
import { GET as receiptPdfRoute } from "@/app/(dashboard)/dashboard/billing/receipts/[id]/pdf/route";
import { db } from "@/lib/db";
import { cardFields, saveLocalCard } from "@/lib/payments/cards";
import { renewDueLocalSubscriptions } from "@/lib/payments/billing-clock";
import { changePlan } from "@/lib/payments/plans";
import { subscribed } from "@/test/payments";
import { loadReceipt, receiptNumber, receiptSeller } from "./receipts";

// The PDF route runs with a stubbed session: whichever workspace the test signs in to.
const session = vi.hoisted(() => ({ ctx: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getDashboardContext: async () => session.ctx }));

const signIn = async (workspaceId: string) => {
  session.ctx = { workspace: await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } }) };
};
const pdf = (id: string) =>
  receiptPdfRoute(new Request(`http://localhost/dashboard/billing/receipts/${id}/pdf`), {
    params: Promise.resolve({ id }),
  });

describe("receipts", () => {
  it("an upgrade's receipt has seller, buyer, number, card and the proration as two lines; its PDF is the owner's only", async () => {
    const s = await subscribed("starter", "month");
    await changePlan(s.actor, s.workspaceId, "pro", "month");
    const payment = await db.payment.findFirstOrThrow({
      where: { workspaceId: s.workspaceId, kind: "plan_change" },
    });
    const r = (await loadReceipt(s.workspaceId, payment.id))!;
    expect(r.seller).toEqual(await receiptSeller());
    expect(r.buyer).toMatchObject({ email: s.user.email });
    expect(r.number).toBe(receiptNumber(payment));
    expect(r.paymentMethod).toBe("Visa ···4242");
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]).toMatchObject({ description: "Unused time on Starter" });
    expect(r.lines[0].amountCents).toBeLessThan(0);
    expect(r.lines[1]).toMatchObject({ description: "Remaining time on Pro" });
    expect(r.lines[0].amountCents + r.lines[1].amountCents).toBe(payment.amountCents);

    await signIn(s.workspaceId);
    const res = await pdf(payment.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const body = Buffer.from(await res.arrayBuffer()).toString("latin1");
    expect(body.startsWith("%PDF")).toBe(true);
    const text = pdfText(body);
    expect(text).toContain(r.number);
    expect(text).toContain((await receiptSeller()).legalName);
    expect(text).toContain("Remaining time on Pro");

    // Another user's workspace: 404, and nothing of the receipt in the answer.
    const stranger = await subscribed("starter", "month");
    await signIn(stranger.workspaceId);
    const denied = await pdf(payment.id);
    expect(denied.status).toBe(404);
    const deniedBody = await denied.text();
    expect(deniedBody).not.toContain(r.number);
    expect(deniedBody).not.toContain("%PDF");
    expect(deniedBody).not.toContain(s.user.email);
  });

  it("a failed renewal shows in billing history as Failed with the reason", async () => {
    const s = await subscribed("pro", "month");
    await saveLocalCard(
      s.workspaceId,
      cardFields.parse({ cardNumber: "4000 0000 0000 0341", expiry: "12/40", cvc: "123" }),
    );
    const sub = await s.sub();
    await db.subscription.update({
      where: { id: sub.id },
      // A month ago, as the billing clock would find it at renewal.
      data: {
        currentPeriodStart: new Date(Date.now() - 31 * 864e5),
        currentPeriodEnd: new Date(Date.now() - 864e5),
        lastProviderEventAt: new Date(Date.now() - 31 * 864e5),
      },
    });
    await renewDueLocalSubscriptions();
    const failed = await db.payment.findFirstOrThrow({
      where: { workspaceId: s.workspaceId, status: "failed" },
    });
    expect(failed).toMatchObject({
      kind: "renewal",
      amountCents: 7_900,
      millicredits: 0n,
      failureReason: expect.stringMatching(/declined/),
    });
    const r = (await loadReceipt(s.workspaceId, failed.id))!;
    expect(r.payment.status).toBe("failed");
  });
});
