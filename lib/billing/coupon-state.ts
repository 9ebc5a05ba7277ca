// A coupon's state, in one place: the admin list, the checkout and the Credits page all ask this.
// Pure (no database), so it is usable from any module and easy to test.

export type CouponState = "active" | "scheduled" | "expired" | "used_up" | "disabled";

export type CouponStateFields = {
  active: boolean;
  startsAt: Date | null;
  expiresAt: Date | null;
  maxRedemptions: number | null;
  redemptionCount: number;
};

/** Disabled by an admin wins; then expired, used up, not started yet; otherwise active. */
export function couponState(c: CouponStateFields, now = new Date()): CouponState {
  if (!c.active) return "disabled";
  if (c.expiresAt && c.expiresAt <= now) return "expired";
  if (c.maxRedemptions !== null && c.redemptionCount >= c.maxRedemptions) return "used_up";
  if (c.startsAt && c.startsAt > now) return "scheduled";
  return "active";
}

/** What a customer is told when the coupon's state refuses it (null: usable). */
export function couponStateRefusal(c: CouponStateFields, now = new Date()): string | null {
  switch (couponState(c, now)) {
    case "disabled":
      return "That coupon code doesn't exist.";
    case "expired":
      return "This coupon has expired.";
    case "used_up":
      return "This coupon has been fully redeemed.";
    case "scheduled":
      return `This coupon can be used from ${c.startsAt!.toISOString().slice(0, 10)}.`;
    default:
      return null;
  }
}

export type CouponDurationFields = {
  percentOff: number;
  duration: "once" | "repeating" | "forever";
  durationMonths: number | null;
};

/** "20% off, first payment" / "20% off for 3 months" / "20% off forever". */
export function couponDurationLabel(c: CouponDurationFields) {
  if (c.duration === "forever") return `${c.percentOff}% off, every payment`;
  if (c.duration === "repeating")
    return `${c.percentOff}% off for ${c.durationMonths} month${c.durationMonths === 1 ? "" : "s"}`;
  return `${c.percentOff}% off the first payment`;
}
