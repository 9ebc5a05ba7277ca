import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startingCredits } from "@/test/factories";
import { ledgerSum } from "@/test/metering";
import { balanceOf, buyer } from "@/test/payments";
import { cardFields, saveLocalCard } from "./cards";
import { buyPackWithSavedCard, savedCardCheckoutId } from "./saved-card";

const START = await startingCredits();
const PACK_10K = 10_000_000n;

async function withCard(number = "4242 4242 4242 4242") {
  const b = await buyer();
  await saveLocalCard(b.workspaceId, cardFields.parse({ cardNumber: number, expiry: "12/40", cvc: "123" }));
  const pack = await db.creditPack.findUniqueOrThrow({ where: { code: "credits-10k" } });
  return { ...b, pack };
}

describe("credit packs paid with the saved card (local provider)", () => {
  it("a double click (the same key, twice at once) and a retry charge once and credit the pack once", async () => {
    const b = await withCard();
    const purchase = {
      workspaceId: b.workspaceId,
      userId: b.user.id,
      packId: b.pack.id,
      checkoutId: savedCardCheckoutId(b.workspaceId, "click-1"),
    };
    const outcomes = await Promise.all([buyPackWithSavedCard(purchase), buyPackWithSavedCard(purchase)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(expect.arrayContaining(["paid"]));
    expect(outcomes.filter((o) => o.status === "paid")).toHaveLength(1);
    expect((await buyPackWithSavedCard(purchase)).status).toBe("already_paid");

    const payments = await db.payment.findMany({ where: { workspaceId: b.workspaceId } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      status: "paid",
      amountCents: 1_000,
      millicredits: PACK_10K,
      cardBrand: "Visa",
      cardLast4: "4242",
    });
    expect(await balanceOf(b.workspaceId)).toBe(START + PACK_10K);
    expect(await ledgerSum(b.workspaceId)).toBe(START + PACK_10K);
    const bucket = await db.creditBucket.findMany({
      where: { workspaceId: b.workspaceId, source: "purchase" },
    });
    expect(bucket).toHaveLength(1);
    expect(await db.emailOutbox.count({ where: { to: b.user.email, template: "credit-pack-receipt" } })).toBe(
      1,
    );

    // Another click is another purchase.
    await buyPackWithSavedCard({ ...purchase, checkoutId: savedCardCheckoutId(b.workspaceId, "click-2") });
    expect(await balanceOf(b.workspaceId)).toBe(START + 2n * PACK_10K);
  });

  it("a declined card charges nothing and shows as a failed payment with its reason", async () => {
    const b = await withCard("4000 0000 0000 0341");
    const checkoutId = savedCardCheckoutId(b.workspaceId, "click-declined");
    await expect(
      buyPackWithSavedCard({ workspaceId: b.workspaceId, userId: b.user.id, packId: b.pack.id, checkoutId }),
    ).rejects.toThrow(/ending 0341 was declined/);
    expect(await balanceOf(b.workspaceId)).toBe(START);
    expect(await db.payment.findFirstOrThrow({ where: { workspaceId: b.workspaceId } })).toMatchObject({
      status: "failed",
      amountCents: 1_000,
      millicredits: 0n,
      failureReason: expect.stringMatching(/declined/),
    });
  });

  it("without a card on file there is nothing to charge", async () => {
    const b = await buyer();
    const pack = await db.creditPack.findUniqueOrThrow({ where: { code: "credits-10k" } });
    await expect(
      buyPackWithSavedCard({
        workspaceId: b.workspaceId,
        userId: b.user.id,
        packId: pack.id,
        checkoutId: savedCardCheckoutId(b.workspaceId, "x"),
      }),
    ).rejects.toThrow(/no card on file/);
  });
});
