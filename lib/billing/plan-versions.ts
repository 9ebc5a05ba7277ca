import "server-only";
import { db, type PlanVersion, type Subscription, type Tier, type Tx } from "@/lib/db";

// Plan versions (SPEC §8.2): a tier's price, included credits and daily quota as sold at one time.
// An admin's change to those terms appends a version for new sales; a subscription keeps the
// version it was sold at until an admin moves it, and renewals bill and grant by that version.

type Executor = Tx | typeof db;

/** The versioned terms: what a subscriber pays and gets. */
export type PlanTerms = Pick<
  PlanVersion,
  "monthlyPriceCents" | "annualPriceCents" | "currency" | "includedMillicredits" | "dailyQuotaUnits"
>;

const TERM_KEYS = [
  "monthlyPriceCents",
  "annualPriceCents",
  "currency",
  "includedMillicredits",
  "dailyQuotaUnits",
] as const satisfies readonly (keyof PlanTerms)[];

export const termsOf = (source: PlanTerms): PlanTerms =>
  Object.fromEntries(TERM_KEYS.map((k) => [k, source[k]])) as PlanTerms;

export const sameTerms = (a: PlanTerms, b: PlanTerms) => TERM_KEYS.every((k) => a[k] === b[k]);

/** A subscription as plan-change quotes see it: its tier on the terms of the version it was sold at. */
export function onOwnTerms<S extends { tier: Tier; planVersion: PlanVersion | null }>(sub: S): S {
  return { ...sub, tier: { ...sub.tier, ...termsOf(sub.planVersion ?? sub.tier) } };
}

/**
 * The tier's current version — what new sales get. A tier written before versions existed (or
 * straight into the table, as tests do) gets version 1 from its columns on first use.
 */
export async function currentPlanVersion(executor: Executor, tierId: string): Promise<PlanVersion> {
  const tier = await executor.tier.findUniqueOrThrow({
    where: { id: tierId },
    include: { currentPlanVersion: true },
  });
  return tier.currentPlanVersion ?? recordPlanVersion(executor, tier);
}

/**
 * Appends a version when the tier's terms differ from its current version's (or it has none) and
 * points the tier at it. Returns the current version, new or not. Called in the transaction that
 * saves the tier, so a price and the version that sells it change together.
 */
export async function recordPlanVersion(executor: Executor, tier: Tier): Promise<PlanVersion> {
  const current = tier.currentPlanVersionId
    ? await executor.planVersion.findUnique({ where: { id: tier.currentPlanVersionId } })
    : null;
  if (current && sameTerms(current, tier)) return current;
  const last = await executor.planVersion.findFirst({
    where: { tierId: tier.id },
    orderBy: { version: "desc" },
  });
  const created = await executor.planVersion.create({
    data: { tierId: tier.id, version: (last?.version ?? 0) + 1, ...termsOf(tier) },
  });
  await executor.tier.update({ where: { id: tier.id }, data: { currentPlanVersionId: created.id } });
  return created;
}

/** A subscription's own terms: its version, or (not yet linked) its tier's current version. */
export async function subscriptionTerms(
  executor: Executor,
  sub: Pick<Subscription, "tierId" | "planVersionId">,
): Promise<PlanVersion> {
  const own = sub.planVersionId
    ? await executor.planVersion.findUnique({ where: { id: sub.planVersionId } })
    : null;
  return own ?? currentPlanVersion(executor, sub.tierId);
}

/**
 * The version a subscription is on from `at` (a renewal's period start, or a plan change) when
 * it is then on tier `tierId`. Another tier: that tier's current version. The same tier: the
 * version an admin moved it to once the move is due, else the one it was sold at (grandfathering).
 */
export async function planVersionFrom(
  executor: Executor,
  sub: Pick<Subscription, "tierId" | "planVersionId" | "scheduledPlanVersionId" | "planMoveAt">,
  tierId: string,
  at: Date,
): Promise<PlanVersion> {
  if (tierId !== sub.tierId) return currentPlanVersion(executor, tierId);
  if (sub.scheduledPlanVersionId && sub.planMoveAt && sub.planMoveAt <= at) {
    const moved = await executor.planVersion.findUnique({ where: { id: sub.scheduledPlanVersionId } });
    if (moved) return moved;
  }
  return subscriptionTerms(executor, sub);
}

/**
 * A version of the tier with exactly these terms, added (not made current) when none exists: the
 * terms a price experiment's variant sells at. Existing versions are reused, so one price set is
 * one version however often it is sold.
 */
export async function planVersionWithTerms(
  executor: Executor,
  tierId: string,
  terms: PlanTerms,
): Promise<PlanVersion> {
  const versions = await executor.planVersion.findMany({ where: { tierId }, orderBy: { version: "desc" } });
  const same = versions.find((v) => sameTerms(v, terms));
  if (same) return same;
  return executor.planVersion.create({
    data: { tierId, version: (versions[0]?.version ?? 0) + 1, ...termsOf(terms) },
  });
}
