import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { renewDueLocalSubscriptions } from "@/lib/payments/billing-clock";
import { startCreditPackCheckout, startSubscriptionCheckout } from "@/lib/payments/checkout";
import { payLocalCheckout } from "@/lib/payments/local";
import { buyer, card } from "@/test/payments";
import { couponState, type CouponStateFields } from "./coupon-state";
import { checkoutDiscount, couponSchema, createCoupon, redeemCoupon, setCouponActive } from "./coupons";

// Coupon states (one function for the admin list, the checkout and the Credits page), expiry in the
// future, duration at renewal in the local provider, and plan restrictions.

const admin = { id: "admin", email: "admin@example.test" };
const code = () => `T-${randomUUID().slice(0, 8).toUpperCase()}`;
const DAY = 864e5;
const percent = (over: Record<string, unknown> = {}) =>
  createCoupon(admin, couponSchema.parse({ code: code(), kind: "percent_off", percentOff: "25", ...over }));

const base: CouponStateFields = {
  active: true,
  startsAt: null,
  expiresAt: null,
  maxRedemptions: null,
  redemptionCount: 0,
};

describe("coupon states", () => {
  it("active: usable now, and a checkout takes its discount", async () => {
    expect(couponState(base)).toBe("active");
    const c = await percent();
    const b = await buyer();
    expect(await checkoutDiscount(c.code, b.workspaceId, 10_000)).toMatchObject({ discountCents: 2_500 });
  });

  it("scheduled: not usable before it starts, with the date it starts", async () => {
    expect(couponState({ ...base, startsAt: new Date(Date.now() + DAY) })).toBe("scheduled");
    const c = await percent({ startsOn: "2099-01-01" });
    const b = await buyer();
    await expect(checkoutDiscount(c.code, b.workspaceId, 10_000)).rejects.toThrow(
      "This coupon can be used from 2099-01-01.",
    );
  });

  it("expired: cannot be created in the past, and one that expired since is refused", async () => {
    expect(couponState({ ...base, expiresAt: new Date(Date.now() - 1) })).toBe("expired");
    const parsed = couponSchema.safeParse({
      code: code(),
      kind: "credits",
      credits: "5",
      expiresOn: "2020-01-01",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ["expiresOn"],
      message: "Choose an expiry date in the future (or leave it blank).",
    });
    const c = await percent({ expiresOn: "2099-12-31" });
    await db.coupon.update({ where: { id: c.id }, data: { expiresAt: new Date(Date.now() - DAY) } });
    const b = await buyer();
    await expect(checkoutDiscount(c.code, b.workspaceId, 10_000)).rejects.toThrow("This coupon has expired.");
  });

  it("used up: the last redemption makes it used up, not active", async () => {
    expect(couponState({ ...base, maxRedemptions: 2, redemptionCount: 2 })).toBe("used_up");
    const c = await createCoupon(
      admin,
      couponSchema.parse({ code: code(), kind: "credits", credits: "10", maxRedemptions: "1" }),
    );
    const [first, second] = [await buyer(), await buyer()];
    await redeemCoupon(first.actor, first.workspaceId, c.code);
    expect(couponState(await db.coupon.findUniqueOrThrow({ where: { id: c.id } }))).toBe("used_up");
    await expect(redeemCoupon(second.actor, second.workspaceId, c.code)).rejects.toThrow(
      "This coupon has been fully redeemed.",
    );
  });

  it("disabled: an admin's switch wins over every other state", async () => {
    expect(couponState({ ...base, active: false, expiresAt: new Date(Date.now() - 1) })).toBe("disabled");
    const c = await percent();
    await setCouponActive(admin, c.id, false);
    const b = await buyer();
    await expect(checkoutDiscount(c.code, b.workspaceId, 10_000)).rejects.toThrow(
      "That coupon code doesn't exist.",
    );
  });
});

/**
 * A buyer on `tierCode` monthly through the local checkout with `couponCode`, renewed `renewals`
 * times by the local billing clock: the amounts of its plan payments, first to last.
 */
async function paidWith(tierCode: string, couponCode: string, renewals: number) {
  const b = await buyer();
  const { url } = await startSubscriptionCheckout(b, tierCode, "month", couponCode);
  await payLocalCheckout(b.user.id, card(url.split("/").pop()!));
  for (let i = 1; i <= renewals; i++)
    await renewDueLocalSubscriptions(new Date(Date.now() + (30 * i + 1) * DAY));
  const payments = await db.payment.findMany({
    where: { workspaceId: b.workspaceId, kind: { in: ["plan_start", "renewal"] } },
    orderBy: { createdAt: "asc" },
  });
  return payments.map((p) => ({ amountCents: p.amountCents, discountCents: p.discountCents }));
}

const starterDiscounted = { amountCents: 1_425, discountCents: 475 };
const starterFull = { amountCents: 1_900, discountCents: 0 };

describe("percent-off coupon duration at renewal (local provider)", () => {
  it("once: the second invoice is at full price", async () => {
    const c = await percent({ duration: "once" });
    expect(await paidWith("starter", c.code, 1)).toEqual([starterDiscounted, starterFull]);
  });

  it("3 months: the first three invoices are discounted, the fourth is at full price", async () => {
    const c = await percent({ duration: "repeating", durationMonths: "3" });
    expect(await paidWith("starter", c.code, 3)).toEqual([
      starterDiscounted,
      starterDiscounted,
      starterDiscounted,
      starterFull,
    ]);
  });

  it("forever: every renewal is discounted", async () => {
    const c = await percent({ duration: "forever" });
    expect(await paidWith("starter", c.code, 2)).toEqual([
      starterDiscounted,
      starterDiscounted,
      starterDiscounted,
    ]);
  });

  it("a repeating coupon needs its number of months", () => {
    const parsed = couponSchema.safeParse({
      code: code(),
      kind: "percent_off",
      percentOff: "10",
      duration: "repeating",
    });
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ["durationMonths"],
      message: "Say for how many months the discount applies.",
    });
  });
});

describe("plan restriction", () => {
  it("applies to the chosen plans only, refusing others and credit packs with a clear message", async () => {
    const pro = await db.tier.findUniqueOrThrow({ where: { code: "pro" } });
    const c = await percent({ tierIds: [pro.id], duration: "forever" });
    const b = await buyer();
    await expect(startSubscriptionCheckout(b, "starter", "month", c.code)).rejects.toThrow(
      "This coupon applies only to the Pro plan.",
    );
    const pack = await db.creditPack.findFirstOrThrow({ where: { active: true } });
    await expect(startCreditPackCheckout(b, pack.code, c.code)).rejects.toThrow(
      "This coupon applies only to the Pro plan.",
    );
    // On the plan it names it works, and keeps discounting that plan's renewals.
    const proDiscounted = { amountCents: 5_925, discountCents: 1_975 };
    expect(await paidWith("pro", c.code, 1)).toEqual([proDiscounted, proDiscounted]);
  });

  it("refuses a plan that does not exist", async () => {
    await expect(percent({ tierIds: ["no-such-tier"] })).rejects.toThrow(
      "One of the chosen plans no longer exists.",
    );
  });
});
