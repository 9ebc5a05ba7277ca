// The analytics report (page, PDF and scheduled email): the headline figures of a period, taken
// from the same queries as the Analytics page; only refunds and failed payments are counted here.
import "server-only";
import { creditsLabel, formatExactCents } from "@/lib/catalog/money";
import { db } from "@/lib/db";
import { formatCount } from "@/lib/utils/format";
import type { Range } from "./range";
import { paymentsByTier, recurringRevenue } from "./revenue";
import { creditsFlow, topWorkspaces, usageByModel, type ModelUsage, type TopWorkspace } from "./usage";

export type ReportSummary = {
  range: Range;
  mrrCents: bigint;
  revenueCents: bigint;
  soldMillicredits: bigint;
  grantedMillicredits: bigint;
  consumedMillicredits: bigint;
  refunds: { count: number; cents: number };
  failedPayments: { count: number; cents: number };
  topWorkspaces: TopWorkspace[];
  topModels: ModelUsage[];
};

const TOP = 5;

export async function reportSummary(range: Range): Promise<ReportSummary> {
  const when = { gte: range.from, lt: range.to };
  const [mrr, byTier, flow, workspaces, models, refunds, failed] = await Promise.all([
    recurringRevenue(range),
    paymentsByTier(range),
    creditsFlow(range),
    topWorkspaces(range, TOP),
    usageByModel(range),
    db.refund.aggregate({ where: { createdAt: when }, _count: true, _sum: { amountCents: true } }),
    db.payment.aggregate({
      where: { createdAt: when, status: "failed" },
      _count: true,
      _sum: { amountCents: true },
    }),
  ]);
  const sum = <K extends "soldMillicredits" | "grantedMillicredits" | "consumedMillicredits">(k: K) =>
    flow.reduce((s, p) => s + p[k], 0n);
  return {
    range,
    mrrCents: mrr.mrrCents,
    revenueCents: byTier.reduce((s, t) => s + t.netCents, 0n),
    soldMillicredits: sum("soldMillicredits"),
    grantedMillicredits: sum("grantedMillicredits"),
    consumedMillicredits: sum("consumedMillicredits"),
    refunds: { count: refunds._count, cents: refunds._sum.amountCents ?? 0 },
    failedPayments: { count: failed._count, cents: failed._sum.amountCents ?? 0 },
    topWorkspaces: workspaces,
    topModels: [...models]
      .sort((a, b) => Number(b.revenueMillicredits - a.revenueMillicredits))
      .slice(0, TOP),
  };
}

/** The headline figures, formatted, with what each means: the page, the PDF and the email show these. */
export function reportFigures(s: ReportSummary) {
  return [
    {
      label: "MRR",
      value: formatExactCents(s.mrrCents),
      means: "Monthly recurring revenue of the plans live at the end of the period.",
    },
    {
      label: "Revenue",
      value: formatExactCents(s.revenueCents),
      means: "Money received in the period, less refunds; failed charges excluded.",
    },
    {
      label: "Credits sold",
      value: creditsLabel(s.soldMillicredits),
      means: "Credits bought with credit packs.",
    },
    {
      label: "Credits granted",
      value: creditsLabel(s.grantedMillicredits),
      means: "Included, referral, coupon and admin credits.",
    },
    {
      label: "Credits consumed",
      value: creditsLabel(s.consumedMillicredits),
      means: "Credits spent on API calls.",
    },
    {
      label: "Refunds",
      value: `${formatExactCents(s.refunds.cents)} (${formatCount(s.refunds.count)})`,
      means: "Refunds issued from the console in the period.",
    },
    {
      label: "Failed payments",
      value: `${formatCount(s.failedPayments.count)} (${formatExactCents(s.failedPayments.cents)})`,
      means: "Charges that were declined; each needs the customer to update their card.",
    },
  ];
}
