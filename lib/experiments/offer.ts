import "server-only";
import { planForTier, planFrom, type Plan } from "@/lib/billing/plan";
import { termsOf, type PlanTerms } from "@/lib/billing/plan-versions";
import { db, type Tier } from "@/lib/db";
import { readExperimentCookie } from "./cookie";
import { runningExperiment, type RunningVariant } from "./running";

// The price a visitor or user is offered for a tier. Everything that shows or sells a plan price
// (the pricing page and its calculator, the billing page's plan choice, checkout with either
// provider) asks here, so the page and the charge cannot disagree.

/** Who is asking: the signed-in user (their recorded variant wins) and the experiment cookie. */
export type Shopper = { userId?: string | null; cookie?: string | null };

/** A tier's terms in a variant: the variant's price override, else the catalog's current terms. */
export function offeredTerms(
  tier: PlanTerms & { id: string },
  variant: Pick<RunningVariant, "prices"> | null,
): PlanTerms {
  const price = variant?.prices.find((p) => p.tierId === tier.id);
  if (!price) return termsOf(tier);
  return {
    ...termsOf(tier),
    monthlyPriceCents: price.monthlyPriceCents,
    annualPriceCents: price.annualPriceCents,
    includedMillicredits: price.includedMillicredits ?? tier.includedMillicredits,
  };
}

/**
 * The variant of the running experiment a shopper sees, or null (the catalog, the control's
 * prices): staff always see the control; a user's recorded variant follows them across devices;
 * else the signed cookie, when it names the running experiment.
 */
export async function variantFor(shopper: Shopper): Promise<RunningVariant | null> {
  const experiment = await runningExperiment();
  if (!experiment) return null;
  const byId = (id: string | undefined) => experiment.variants.find((v) => v.id === id) ?? null;
  if (shopper.userId) {
    const user = await userInExperiment(shopper.userId, experiment.id);
    if (!user || user.staff) return null;
    if (user.variantId) return byId(user.variantId);
  }
  const cookie = readExperimentCookie(shopper.cookie);
  return cookie?.experimentId === experiment.id ? byId(cookie.variantId) : null;
}

/** Whether a user is staff (sees the control) and the variant recorded for them, if any. */
export async function userInExperiment(userId: string, experimentId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      role: true,
      experimentAssignments: { where: { experimentId }, select: { variantId: true } },
    },
  });
  if (!user) return null;
  return { staff: user.role === "admin", variantId: user.experimentAssignments[0]?.variantId ?? null };
}

/** The plan a new sale of `tier` gets for this shopper: the variant's plan version, else the current one. */
export async function offeredPlan(tier: Tier, interval: "month" | "year", shopper: Shopper): Promise<Plan> {
  const variant = await variantFor(shopper);
  const versionId = variant?.prices.find((p) => p.tierId === tier.id)?.planVersionId;
  const version = versionId ? await db.planVersion.findUnique({ where: { id: versionId } }) : null;
  return version ? planFrom(tier, version, interval) : planForTier(tier, interval);
}
