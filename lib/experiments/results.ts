import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { compareToControl, rate } from "./stats";

// What an experiment has done so far: per variant counts, the statistical read against the control,
// and a day-by-day series (visitors by first visit, paid conversions by day paid, UTC).

export type DailyRow = { day: string } & Record<string, number | string>;

export async function experimentResults(id: string) {
  const experiment = await db.priceExperiment.findUnique({
    where: { id },
    include: {
      variants: {
        orderBy: { key: "asc" },
        include: { prices: { include: { tier: true, planVersion: true } } },
      },
    },
  });
  if (!experiment) throw new NotFoundError("Experiment");
  const [totals, daily] = await Promise.all([
    db.experimentAssignment.groupBy({
      by: ["variantId"],
      where: { experimentId: id },
      _count: { _all: true, signedUpAt: true, paidAt: true },
      _sum: { revenueCents: true },
    }),
    db.$queryRaw<{ day: string; variantId: string; visitors: number; conversions: number }[]>`
      select to_char(d.day, 'YYYY-MM-DD') as day, d."variantId",
             sum(d.visitors)::int as visitors, sum(d.conversions)::int as conversions
      from (
        select date_trunc('day', "firstSeenAt" at time zone 'UTC') as day, "variantId", 1 as visitors, 0 as conversions
        from "ExperimentAssignment" where "experimentId" = ${id}
        union all
        select date_trunc('day', "paidAt" at time zone 'UTC'), "variantId", 0, 1
        from "ExperimentAssignment" where "experimentId" = ${id} and "paidAt" is not null
      ) d
      group by d.day, d."variantId" order by d.day`,
  ]);
  const counted = (variantId: string) => totals.find((t) => t.variantId === variantId);
  const base = experiment.variants.map((v) => {
    const t = counted(v.id);
    const visitors = t?._count._all ?? 0;
    const conversions = t?._count.paidAt ?? 0;
    const revenueCents = t?._sum.revenueCents ?? 0;
    return {
      id: v.id,
      key: v.key,
      control: v.control,
      weight: v.weight,
      prices: v.prices,
      visitors,
      signUps: t?._count.signedUpAt ?? 0,
      conversions,
      revenueCents,
      conversionRate: rate({ visitors, conversions }),
      revenuePerVisitorCents: visitors > 0 ? revenueCents / visitors : 0,
    };
  });
  const control = base.find((v) => v.control) ?? base[0];
  const variants = base.map((v) => ({
    ...v,
    comparison: v.id === control.id ? null : compareToControl(control, v),
  }));
  return { experiment, variants, daily: dailySeries(variants, daily) };
}

/**
 * Cumulative paid conversion rate per variant at the end of each day (percent): what the chart
 * plots, so a day's noise does not hide the trend.
 */
function dailySeries(
  variants: { id: string; key: string }[],
  rows: { day: string; variantId: string; visitors: number; conversions: number }[],
): DailyRow[] {
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const running = new Map(variants.map((v) => [v.id, { visitors: 0, conversions: 0 }]));
  return days.map((day) => {
    const row: DailyRow = { day };
    for (const v of variants) {
      const acc = running.get(v.id)!;
      for (const r of rows.filter((x) => x.day === day && x.variantId === v.id)) {
        acc.visitors += r.visitors;
        acc.conversions += r.conversions;
      }
      row[v.key] = Math.round(rate(acc) * 10_000) / 100;
    }
    return row;
  });
}

export function listExperiments() {
  return db.priceExperiment.findMany({
    orderBy: [{ createdAt: "desc" }],
    include: {
      variants: { orderBy: { key: "asc" }, include: { prices: { include: { tier: true } } } },
      _count: { select: { assignments: true } },
    },
  });
}
