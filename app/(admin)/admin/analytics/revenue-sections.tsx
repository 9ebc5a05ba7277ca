import { BarChart } from "@/components/admin/charts/bar-chart";
import { LineChart } from "@/components/admin/charts/line-chart";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { bucketsOf, type ParsedRange } from "@/lib/analytics/range";
import { activeByTier, churnRate, mrrSeries, recurringRevenue, subscriptionMovements } from "@/lib/analytics/revenue";
import { formatCount } from "@/lib/utils/format";
import { dayLabel, dollarsOf, monthLabel, percent, rangeLabel, usd } from "./format";
import { Folded, Section, Stat, TableBlock } from "./section";

const num = "text-right tabular-nums";

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
          <DataTable label={title} minWidth="min-w-[20rem]">
            <thead>
              <tr>
                <Th>{weekly ? "Week starting" : "Day"}</Th>
                <Th className="text-right">MRR at its end</Th>
              </tr>
            </thead>
            <tbody>
              {series.map((p) => (
                <tr key={p.day}>
                  <Td>{dayLabel(p.day)}</Td>
                  <Td className={num}>{usd(p.mrrCents)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
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
        <DataTable label="Subscriptions by tier" minWidth="min-w-[34rem]">
          <thead>
            <tr>
              <Th>Tier</Th>
              <Th className="text-right">Active</Th>
              <Th className="text-right">Monthly</Th>
              <Th className="text-right">Annual</Th>
              <Th className="text-right">Comp</Th>
              <Th className="text-right">MRR</Th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((t) => (
              <tr key={t.code}>
                <Td className="font-medium">{t.name}</Td>
                <Td className={num}>{formatCount(t.active)}</Td>
                <Td className={num}>{formatCount(t.monthly)}</Td>
                <Td className={num}>{formatCount(t.annual)}</Td>
                <Td className={num}>{formatCount(t.comp)}</Td>
                <Td className={num}>{usd(t.mrrCents)}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
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
        {months.length === 0 ? (
          <EmptyState title="No months in this range" />
        ) : (
          <DataTable label="Subscriptions per month" minWidth="min-w-[30rem]">
            <thead>
              <tr>
                <Th>Month</Th>
                <Th className="text-right">Live at start</Th>
                <Th className="text-right">New</Th>
                <Th className="text-right">Churned</Th>
                <Th className="text-right">Churn rate</Th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <Td>{monthLabel(m.month)}</Td>
                  <Td className={num}>{formatCount(m.liveAtStart)}</Td>
                  <Td className={num}>{formatCount(m.new)}</Td>
                  <Td className={num}>{formatCount(m.churned)}</Td>
                  <Td className={num}>{percent(churnRate(m))}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </TableBlock>
    </Section>
  );
}
