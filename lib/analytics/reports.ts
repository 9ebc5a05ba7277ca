// Every analytics table as a CSV report: the same queries as the page, integer units in the columns
// (cents, millicredits, micro-dollars) so a spreadsheet sums them exactly.
import { csvRow, type CsvValue } from "@/lib/utils/csv";
import { funnelRates, signupFunnel } from "./funnel";
import { queueBacklog } from "./health";
import type { Range } from "./range";
import { activeByTier, churnRate, mrrSeries, paymentsByTier, subscriptionMovements } from "./revenue";
import { marginByModel, marginByTier, type MarginRow } from "./margins";
import { creditsFlow, margin, topWorkspaces, usageByHour, usageByModel } from "./usage";

type Report = { title: string; columns: string[]; rows: (range: Range) => Promise<CsvValue[][]> };

const ratio = (r: number | null) => (r === null ? null : Math.round(r * 10_000) / 10_000);

/** A true-margin table (lib/analytics/margins.ts): money in micro-dollars. */
const marginReport = (title: string, first: string, rowsOf: (range: Range) => Promise<MarginRow[]>) => ({
  title,
  columns: [first, "calls", "cost_micros", "revenue_micros", "margin_micros", "margin_rate"],
  rows: async (range: Range) =>
    (await rowsOf(range)).map((r): CsvValue[] => {
      const { marginMillicredits, rate } = margin(r);
      return [r.label, r.calls, r.costMicros, r.revenueMillicredits, marginMillicredits, ratio(rate)];
    }),
});

export const REPORTS = {
  mrr: {
    title: "MRR over time",
    columns: ["period_start", "mrr_cents", "arr_cents"],
    rows: async (range) => (await mrrSeries(range)).map((p) => [p.day, p.mrrCents, p.mrrCents * 12n]),
  },
  "subscriptions-by-tier": {
    title: "Active subscriptions by tier",
    columns: ["tier_code", "tier", "active", "monthly", "annual", "comp", "mrr_cents"],
    rows: async (range) =>
      (await activeByTier(range)).map((t) => [
        t.code,
        t.name,
        t.active,
        t.monthly,
        t.annual,
        t.comp,
        t.mrrCents,
      ]),
  },
  churn: {
    title: "New and churned subscriptions",
    columns: ["month", "live_at_start", "new", "churned", "churn_rate"],
    rows: async (range) =>
      (await subscriptionMovements(range)).map((m) => [
        m.month,
        m.liveAtStart,
        m.new,
        m.churned,
        ratio(churnRate(m)),
      ]),
  },
  credits: {
    title: "Credits sold vs consumed",
    columns: ["period_start", "sold_millicredits", "granted_millicredits", "consumed_millicredits"],
    rows: async (range) =>
      (await creditsFlow(range)).map((p) => [
        p.day,
        p.soldMillicredits,
        p.grantedMillicredits,
        p.consumedMillicredits,
      ]),
  },
  "margin-by-model": marginReport("Margin by model", "model", marginByModel),
  "margin-by-tier": marginReport("Margin by tier", "tier", marginByTier),
  "payments-by-tier": {
    title: "Payments by tier",
    columns: [
      "tier",
      "plan_start_cents",
      "plan_change_cents",
      "renewal_cents",
      "credit_pack_cents",
      "net_cents",
    ],
    rows: async (range) =>
      (await paymentsByTier(range)).map((p) => [
        p.tier,
        p.planStartCents,
        p.planChangeCents,
        p.renewalCents,
        p.creditPackCents,
        p.netCents,
      ]),
  },
  funnel: {
    title: "Sign-up funnel",
    columns: ["step", "users", "rate_from_previous_step", "rate_from_signup"],
    rows: async (range) => {
      const f = await signupFunnel(range);
      const r = funnelRates(f);
      return [
        ["signed_up", f.signups, null, null],
        ["verified", f.verified, ratio(r.verified), ratio(r.verified)],
        ["paid", f.paid, ratio(r.paid), ratio(r.overall)],
      ];
    },
  },
  "usage-by-hour": {
    title: "Usage by hour of day",
    columns: ["hour_utc", "calls", "credits_millicredits"],
    rows: async (range) => (await usageByHour(range)).map((h) => [h.hour, h.calls, h.creditsMillicredits]),
  },
  "usage-by-model": {
    title: "Usage by model",
    columns: ["model", "calls", "credits_millicredits", "cost_micros"],
    rows: async (range) =>
      (await usageByModel(range)).map((m) => [m.modelKey, m.calls, m.revenueMillicredits, m.costMicros]),
  },
  "top-workspaces": {
    title: "Top workspaces by spend",
    columns: ["workspace_id", "workspace", "payments_cents", "consumed_millicredits"],
    rows: async (range) =>
      (await topWorkspaces(range)).map((w) => [w.id, w.name, w.paymentsCents, w.consumedMillicredits]),
  },
  "queue-backlog": {
    title: "Job queue backlog",
    columns: ["queue", "waiting"],
    rows: async () => (await queueBacklog()).map((q) => [q.queue, q.waiting ?? "unavailable"]),
  },
} satisfies Record<string, Report>;

export type ReportName = keyof typeof REPORTS;
export const REPORT_NAMES = Object.keys(REPORTS) as ReportName[];

export const isReportName = (name: string): name is ReportName => Object.hasOwn(REPORTS, name);

/** The whole report as CSV text (header first). The tables are small: at most a few hundred rows. */
export async function reportCsv(name: ReportName, range: Range): Promise<string> {
  const report: Report = REPORTS[name];
  const rows = await report.rows(range);
  return [report.columns, ...rows].map(csvRow).join("");
}
