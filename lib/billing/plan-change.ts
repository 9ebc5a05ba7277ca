import { AppError } from "@/lib/errors";
import { periodEnd } from "./subscriptions";

// What changing plans costs and when it happens — pure, so every rule is unit-tested.
//
// - Upgrade (a higher-ranked tier) and monthly -> annual happen now. Same interval: the period
//   stays, and the price difference for the time left is charged at once (Stripe's
//   proration_behavior=always_invoice). Monthly -> annual: a new annual period starts now and the
//   unused part of the month is credited against it. The difference in included credits is granted now.
// - Downgrade (a lower-ranked tier) and annual -> monthly wait for the end of the paid period.

type Interval = "month" | "year";
export type PlanTier = {
  id: string;
  name: string;
  rank: number;
  monthlyPriceCents: number;
  annualPriceCents: number;
  includedMillicredits: bigint;
};
export type CurrentPlan = {
  tier: PlanTier;
  interval: Interval;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
};

export type PlanChangeQuote<T extends PlanTier = PlanTier> =
  | {
      when: "now";
      tier: T;
      interval: Interval;
      chargeCents: number;
      /** Unused value of the current period, already netted out of chargeCents. */
      creditCents: number;
      grantMillicredits: bigint;
      periodStart: Date;
      periodEnd: Date;
    }
  | { when: "period_end"; tier: T; interval: Interval; chargeCents: 0; effectiveAt: Date };

/** The price of one interval on a tier's (or a plan version's) terms. */
export const priceFor = (
  tier: Pick<PlanTier, "monthlyPriceCents" | "annualPriceCents">,
  interval: Interval,
) => (interval === "year" ? tier.annualPriceCents : tier.monthlyPriceCents);

/** Integer a * b / c, rounded half up (non-negative inputs). */
const mulDiv = (a: number, b: number, c: number) =>
  c <= 0 ? 0 : Number((BigInt(a) * BigInt(b) * 2n + BigInt(c)) / (2n * BigInt(c)));

export function quotePlanChange<T extends PlanTier>(
  current: CurrentPlan,
  target: { tier: T; interval: Interval },
  now: Date,
): PlanChangeQuote<T> {
  const sameTier = current.tier.id === target.tier.id;
  if (sameTier && current.interval === target.interval)
    throw new AppError(
      "same_plan",
      `You are already on ${target.tier.name} with ${target.interval === "year" ? "annual" : "monthly"} billing.`,
      409,
    );
  // Another interval of the same tier keeps the subscriber's own terms (their plan version).
  const targetTerms = sameTier ? current.tier : target.tier;
  const up = target.tier.rank > current.tier.rank;
  const down = target.tier.rank < current.tier.rank;
  if (down || (sameTier && target.interval === "month")) {
    return {
      when: "period_end",
      tier: target.tier,
      interval: target.interval,
      chargeCents: 0,
      effectiveAt: current.currentPeriodEnd,
    };
  }
  if (up && current.interval === "year" && target.interval === "month") {
    throw new AppError(
      "annual_upgrade",
      "Upgrades from an annual plan stay annual. Switch to monthly billing separately; it starts at renewal.",
      400,
    );
  }
  const total = current.currentPeriodEnd.getTime() - current.currentPeriodStart.getTime();
  const left = Math.min(Math.max(current.currentPeriodEnd.getTime() - now.getTime(), 0), total);
  const currentPrice = priceFor(current.tier, current.interval);
  const targetPrice = priceFor(targetTerms, target.interval);
  const grantMillicredits =
    targetTerms.includedMillicredits > current.tier.includedMillicredits
      ? targetTerms.includedMillicredits - current.tier.includedMillicredits
      : 0n;
  if (target.interval === current.interval) {
    // Same period: pay the difference in price for the time that is left.
    const chargeCents = Math.max(mulDiv(targetPrice, left, total) - mulDiv(currentPrice, left, total), 0);
    return {
      when: "now",
      tier: target.tier,
      interval: target.interval,
      chargeCents,
      creditCents: mulDiv(currentPrice, left, total),
      grantMillicredits,
      periodStart: current.currentPeriodStart,
      periodEnd: current.currentPeriodEnd,
    };
  }
  // Monthly -> annual: a new year starts now; the unused month is credited.
  const creditCents = mulDiv(currentPrice, left, total);
  return {
    when: "now",
    tier: target.tier,
    interval: target.interval,
    chargeCents: Math.max(targetPrice - creditCents, 0),
    creditCents,
    grantMillicredits,
    periodStart: now,
    periodEnd: periodEnd(now, target.interval),
  };
}

/**
 * Included credits at renewal, as the demo history (prisma/demo) simulates periods before credit
 * buckets. What is left of this period's included credits (never more than the
 * balance: purchased credits are not touched) expires, except `rolloverPercent` of it, which carries over.
 */
export function renewalCredits(input: {
  balance: bigint;
  grantedThisPeriod: bigint;
  included: bigint;
  rolloverPercent: number;
}) {
  const unused = input.balance < input.grantedThisPeriod ? input.balance : input.grantedThisPeriod;
  const unusedIncluded = unused > 0n ? unused : 0n;
  const rollover = (unusedIncluded * BigInt(input.rolloverPercent)) / 100n;
  return { expire: unusedIncluded, rollover, grant: input.included };
}
