import "server-only";
import { db } from "@/lib/db";
import { ttlCache } from "@/lib/utils/ttl-cache";

// The running experiment as the proxy, the pricing page and checkout read it. The proxy asks on
// every public page view, so the answer is cached in memory for a few seconds; starting or ending
// an experiment clears this process's copy at once (another process catches up within the TTL).

export type VariantPrice = {
  tierId: string;
  monthlyPriceCents: number;
  annualPriceCents: number;
  includedMillicredits: bigint | null;
  planVersionId: string | null;
};

export type RunningVariant = {
  id: string;
  key: string;
  control: boolean;
  weight: number;
  prices: VariantPrice[];
};

export type RunningExperiment = { id: string; name: string; variants: RunningVariant[] };

const TTL_MS = 3_000;

async function load(): Promise<RunningExperiment | null> {
  const experiment = await db.priceExperiment.findFirst({
    where: { status: "running" },
    include: { variants: { orderBy: { key: "asc" }, include: { prices: true } } },
  });
  if (!experiment) return null;
  return {
    id: experiment.id,
    name: experiment.name,
    variants: experiment.variants.map((v) => ({
      id: v.id,
      key: v.key,
      control: v.control,
      weight: v.weight,
      prices: v.prices.map((p) => ({
        tierId: p.tierId,
        monthlyPriceCents: p.monthlyPriceCents,
        annualPriceCents: p.annualPriceCents,
        includedMillicredits: p.includedMillicredits,
        planVersionId: p.planVersionId,
      })),
    })),
  };
}

const running = ttlCache(() => load(), TTL_MS);

export const runningExperiment = () => running.get("running");

export const forgetRunningExperiment = () => running.forget("running");

/**
 * A variant of the running experiment by id (the static copies' route parameter). Read fresh, not
 * from the cache: a copy renders once per revalidation, and a stale "nothing runs" here would be
 * cached as a 404 for the variant's visitors.
 */
export async function runningVariant(variantId: string): Promise<RunningVariant | null> {
  return (await load())?.variants.find((v) => v.id === variantId) ?? null;
}

/** The variant routes built ahead: the running experiment's non-control variants (others render on first visit). */
export async function variantStaticParams(): Promise<{ variant: string }[]> {
  const experiment = await runningExperiment();
  return (experiment?.variants ?? []).filter((v) => !v.control).map((v) => ({ variant: v.id }));
}
