import "server-only";
import { db, type PlanVersion, type Subscription, type Tier, type Tx } from "@/lib/db";
import { priceFor } from "./plan-change";
import { currentPlanVersion, termsOf, type PlanTerms } from "./plan-versions";
import { effectivePlan, periodEnd } from "./subscriptions";

// The plan model (SPEC §8.2): what a plan grants, in one typed object. A subscription's price,
// included credits and daily quota are those of the plan version it was sold at; the tier gives
// what is not versioned (name, rank, rate limit, markup). Checkout, renewals, metering, the
// dashboard, emails and /api/v1/me read these terms from here rather than from the tier row.

type Executor = Tx | typeof db;
type Interval = "month" | "year";

export type Plan = PlanTerms & {
  tier: Tier;
  /** The plan version number (1, 2, ...), and its id. */
  version: number;
  planVersionId: string;
  interval: Interval;
  /** What the current interval costs on these terms. */
  priceCents: number;
  rateLimitPerMinute: number;
  subscription: (Subscription & { tier: Tier; planVersion: PlanVersion | null }) | null;
};

export function planFrom(
  tier: Tier,
  version: PlanVersion,
  interval: Interval,
  subscription: Plan["subscription"] = null,
): Plan {
  const terms = termsOf(version);
  return {
    ...terms,
    tier,
    version: version.version,
    planVersionId: version.id,
    interval,
    priceCents: priceFor(terms, interval),
    rateLimitPerMinute: tier.rateLimitPerMinute,
    subscription,
  };
}

/** The plan the workspace is on (effectivePlan), with the terms of the version it was sold at. */
export async function planOf(workspaceId: string, executor: Executor = db): Promise<Plan> {
  const { subscription, tier } = await effectivePlan(workspaceId, executor);
  const version = subscription?.planVersion ?? (await currentPlanVersion(executor, tier.id));
  return planFrom(tier, version, subscription?.interval ?? "month", subscription);
}

/** The plan a new sale of the tier gets: its current version. */
export async function planForTier(tier: Tier, interval: Interval, executor: Executor = db): Promise<Plan> {
  return planFrom(tier, await currentPlanVersion(executor, tier.id), interval, null);
}

/** The first renewal on or after `notBefore`: a moved subscriber keeps their terms until then. */
export function firstRenewalFrom(
  sub: Pick<Subscription, "currentPeriodEnd" | "interval">,
  notBefore: Date,
): Date {
  let at = sub.currentPeriodEnd;
  while (at < notBefore) at = periodEnd(at, sub.interval);
  return at;
}
