import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { planVersionWithTerms, termsOf } from "@/lib/billing/plan-versions";
import { onSaleTierWhere } from "@/lib/catalog/tiers";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { offeredTerms } from "./offer";
import { forgetRunningExperiment } from "./running";
import type { ExperimentInput, ExperimentTier } from "./schema";

// An experiment's life: a draft is created, started (its variants' plan versions are made then,
// once), and ended by keeping one variant's prices as the catalog's or reverting to the control.
// Every step is audited. Ending changes what new sales get; subscriptions keep the plan version
// they were sold at, so nobody's price changes because an experiment ended.

// Serialises starts: the check "nothing else is running" and the start commit together.
const START_LOCK = 0x746f6c6c61627431n; // "tollabt1"

/** Tiers an experiment can test: paid plans on sale. */
export function experimentTiers(): Promise<ExperimentTier[]> {
  return db.tier.findMany({
    where: { ...onSaleTierWhere, monthlyPriceCents: { gt: 0 } },
    orderBy: { rank: "asc" },
    select: { id: true, code: true, name: true, monthlyPriceCents: true, annualPriceCents: true },
  });
}

export async function createExperiment(actor: Actor, input: ExperimentInput) {
  return db.$transaction(async (tx) => {
    const experiment = await tx.priceExperiment.create({
      data: {
        name: input.name,
        createdById: actor?.id ?? null,
        variants: {
          create: input.variants.map((v) => ({
            key: v.key,
            control: v.control,
            weight: v.weight,
            prices: { create: v.prices },
          })),
        },
      },
      include: { variants: { include: { prices: true } } },
    });
    await recordAudit(tx, {
      actor,
      action: "experiment.create",
      targetType: "experiment",
      targetId: experiment.id,
      after: experiment,
    });
    return experiment;
  });
}

function experimentTierNames(prices: { tier: { name: string } }[]) {
  return [...new Set(prices.map((p) => p.tier.name))].join(", ");
}

/**
 * Starts a draft. One experiment runs at a time (so never two on one tier): the pricing page has
 * one static route per variant. Each variant price becomes a plan version of its tier (reused when
 * a version with those terms exists), which every sale in the variant then records.
 */
export async function startExperiment(actor: Actor, id: string) {
  const started = await db.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(${START_LOCK})`;
    const experiment = await tx.priceExperiment.findUnique({
      where: { id },
      include: { variants: { include: { prices: { include: { tier: true } } } } },
    });
    if (!experiment) throw new NotFoundError("Experiment");
    if (experiment.status !== "draft")
      throw new AppError("experiment_not_draft", `“${experiment.name}” has already been started.`, 409);
    const prices = experiment.variants.flatMap((v) => v.prices);
    const running = await tx.priceExperiment.findFirst({
      where: { status: "running" },
      include: { variants: { include: { prices: { include: { tier: true } } } } },
    });
    if (running)
      throw new AppError(
        "experiment_running",
        `“${running.name}” is already running on ${experimentTierNames(running.variants.flatMap((v) => v.prices)) || "the catalog"}. End it before starting another.`,
        409,
      );
    const offSale = prices.find(
      (p) => p.tier.archivedAt || !p.tier.isPublic || p.tier.monthlyPriceCents <= 0,
    );
    if (offSale)
      throw new AppError(
        "tier_not_on_sale",
        `${offSale.tier.name} is not a paid plan on sale any more.`,
        409,
      );
    for (const variant of experiment.variants)
      for (const price of variant.prices) {
        const version = await planVersionWithTerms(tx, price.tierId, offeredTerms(price.tier, variant));
        await tx.experimentPrice.update({ where: { id: price.id }, data: { planVersionId: version.id } });
      }
    const after = await tx.priceExperiment.update({
      where: { id },
      data: { status: "running", startedAt: new Date(), startedById: actor?.id ?? null },
    });
    await recordAudit(tx, {
      actor,
      action: "experiment.start",
      targetType: "experiment",
      targetId: id,
      before: { status: experiment.status },
      after,
    });
    return after;
  });
  forgetRunningExperiment();
  return started;
}

/**
 * Ends a running experiment. `keepVariantId` a non-control variant: its prices become each
 * tier's current terms and its plan versions the ones new sales get (audited per tier as
 * tier.version); the control or null: the catalog stays as it is (revert).
 */
export async function endExperiment(actor: Actor, id: string, keepVariantId: string | null) {
  const ended = await db.$transaction(async (tx) => {
    const experiment = await tx.priceExperiment.findUnique({
      where: { id },
      include: { variants: { include: { prices: { include: { tier: true, planVersion: true } } } } },
    });
    if (!experiment) throw new NotFoundError("Experiment");
    if (experiment.status !== "running")
      throw new AppError("experiment_not_running", `“${experiment.name}” is not running.`, 409);
    const kept = keepVariantId ? experiment.variants.find((v) => v.id === keepVariantId) : null;
    if (keepVariantId && !kept) throw new NotFoundError("Variant");
    for (const price of kept?.control ? [] : (kept?.prices ?? [])) {
      const { tier } = price;
      const version =
        price.planVersion ?? (await planVersionWithTerms(tx, tier.id, offeredTerms(tier, kept!)));
      const terms = termsOf(version);
      const amountChanged =
        terms.monthlyPriceCents !== tier.monthlyPriceCents ||
        terms.annualPriceCents !== tier.annualPriceCents;
      const after = await tx.tier.update({
        where: { id: tier.id },
        data: {
          ...terms,
          currentPlanVersionId: version.id,
          // A configured Stripe price charges the old amount: drop it, checkout makes one from the new.
          ...(amountChanged ? { stripeMonthlyPriceId: null, stripeAnnualPriceId: null } : {}),
        },
      });
      await recordAudit(tx, {
        actor,
        action: "tier.version",
        targetType: "tier",
        targetId: tier.id,
        before: tier,
        after: { ...after, fromExperiment: experiment.id, variant: kept!.key },
      });
    }
    const after = await tx.priceExperiment.update({
      where: { id },
      data: {
        status: "ended",
        endedAt: new Date(),
        endedById: actor?.id ?? null,
        keptVariantId: kept && !kept.control ? kept.id : null,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "experiment.end",
      targetType: "experiment",
      targetId: id,
      before: { status: experiment.status },
      after: { ...after, outcome: kept && !kept.control ? `kept ${kept.key}` : "reverted to control" },
    });
    return { experiment: after, kept: kept && !kept.control ? kept : null };
  });
  forgetRunningExperiment();
  return ended;
}
