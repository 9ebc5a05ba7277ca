import { BarChart, LineChart } from "@/components/admin/charts/chart";
import { bucketsOf, type ParsedRange } from "@/lib/analytics/range";
import {
  activeByTier,
  churnRate,
  mrrSeries,
  recurringRevenue,
  subscriptionMovements,
} from "@/lib/analytics/revenue";
import { formatCount } from "@/lib/utils/format";
import { FiguresTable } from "./figures-table";
import { dayLabel, dollarsOf, monthLabel, percent, rangeLabel, usd } from "./format";
import { Folded, Section, Stat, TableBlock } from "./section";

export async function RecurringRevenueSection({ range }: { range: ParsedRange }) {
  const [{ mrrCents, arrCents }, series] = await Promise.all([recurringRevenue(range), mrrSeries(range)]);
  const weekly = bucketsOf(range).stepDays === 7;
  const title = weekly ? "MRR by week" : "MRR by day";
  return (
    <Section
      title="Recurring revenue"
      description="Plans live at the end of the range: annual plans count as a twelfth of their price a month, comp plans as nothing."
    >
      <dl className="grid gap-4 sm:max-w-lg sm:grid-cols-2">
        <Stat label="MRR" value={usd(mrrCents)} hint={`on ${dayLabel(range.toDay)}`} />
        <Stat label="ARR" value={usd(arrCents)} hint="12 × MRR" />
      </dl>
      <TableBlock title={title} report="mrr" range={range}>
        <LineChart
          title={`${title}, ${rangeLabel(range)}`}
          data={series.map((p) => ({ day: p.day, mrr: dollarsOf(p.mrrCents) }))}
          xKey="day"
          xFormat="day"
          series={[{ key: "mrr", label: "MRR" }]}
          valueFormat="usd"
        />
        <Folded summary={`Show ${title} as a table`}>
          <FiguresTable
            label={title}
            minWidth="20rem"
            columns={[weekly ? "Week starting" : "Day", "MRR at its end"]}
            rows={series}
            rowKey={(p) => p.day}
            cells={(p) => [dayLabel(p.day), usd(p.mrrCents)]}
          />
        </Folded>
      </TableBlock>
    </Section>
  );
}

export async function ActiveByTierSection({ range }: { range: ParsedRange }) {
  const tiers = await activeByTier(range);
  const title = "Active subscriptions by tier";
  return (
    <Section title={title} description={`Live on ${dayLabel(range.toDay)}, comp plans included.`}>
      <BarChart
        title={`${title} on ${dayLabel(range.toDay)}`}
        data={tiers.map((t) => ({ tier: t.name, active: t.active }))}
        xKey="tier"
        xFormat="text"
        series={[{ key: "active", label: "Active subscriptions" }]}
        valueFormat="count"
      />
      <TableBlock title="Subscriptions by tier" report="subscriptions-by-tier" range={range}>
        <FiguresTable
          label="Subscriptions by tier"
          minWidth="34rem"
          columns={["Tier", "Active", "Monthly", "Annual", "Comp", "MRR"]}
          rows={tiers}
          rowKey={(t) => t.code}
          labelClassName="font-medium"
          cells={(t) => [
            t.name,
            formatCount(t.active),
            formatCount(t.monthly),
            formatCount(t.annual),
            formatCount(t.comp),
            usd(t.mrrCents),
          ]}
        />
      </TableBlock>
    </Section>
  );
}

export async function ChurnSection({ range }: { range: ParsedRange }) {
  const months = await subscriptionMovements(range);
  return (
    <Section
      title="New and churned subscriptions"
      description="Whole calendar months. Churn rate = subscriptions ended in the month ÷ live at its start. Switching plans within a day is neither new nor churn."
    >
      <BarChart
        title={`New and churned subscriptions per month, ${rangeLabel(range)}`}
        data={months.map((m) => ({ month: monthLabel(m.month), new: m.new, churned: m.churned }))}
        xKey="month"
        xFormat="text"
        series={[
          { key: "new", label: "New" },
          { key: "churned", label: "Churned" },
        ]}
        valueFormat="count"
      />
      <TableBlock title="Subscriptions per month" report="churn" range={range}>
        <FiguresTable
          label="Subscriptions per month"
          minWidth="30rem"
          columns={["Month", "Live at start", "New", "Churned", "Churn rate"]}
          rows={months}
          rowKey={(m) => m.month}
          empty="No months in this range"
          cells={(m) => [
            monthLabel(m.month),
            formatCount(m.liveAtStart),
            formatCount(m.new),
            formatCount(m.churned),
            percent(churnRate(m)),
          ]}
        />
      </TableBlock>
    </Section>
  );
}
