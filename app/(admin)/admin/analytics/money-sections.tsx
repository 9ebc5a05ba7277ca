import { LineChart } from "@/components/admin/charts/line-chart";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { bucketsOf, type ParsedRange } from "@/lib/analytics/range";
import { paymentsByTier } from "@/lib/analytics/revenue";
import { creditsFlow, margin, usageByTier } from "@/lib/analytics/usage";
import { formatCount } from "@/lib/utils/format";
import { modelUsage } from "./data";
import { credits, creditsOf, dayLabel, percent, rangeLabel, usd } from "./format";
import { Folded, Section, Stat, TableBlock } from "./section";

const num = "text-right tabular-nums";

export async function CreditsSection({ range }: { range: ParsedRange }) {
  const points = await creditsFlow(range);
  const sum = (k: "soldMillicredits" | "grantedMillicredits" | "consumedMillicredits") => points.reduce((s, p) => s + p[k], 0n);
  const weekly = bucketsOf(range).stepDays === 7;
  const title = weekly ? "Credits by week" : "Credits by day";
  return (
    <Section
      title="Credits sold vs consumed"
      description="Sold: credit packs bought. Granted: plan credits, referral and coupon rewards, admin top-ups. Consumed: credits charged for usage."
    >
      <dl className="grid gap-4 sm:max-w-2xl sm:grid-cols-3">
        <Stat label="Sold" value={credits(sum("soldMillicredits"))} hint="credits" />
        <Stat label="Granted" value={credits(sum("grantedMillicredits"))} hint="credits" />
        <Stat label="Consumed" value={credits(sum("consumedMillicredits"))} hint="credits" />
      </dl>
      <TableBlock title={title} report="credits" range={range}>
        <LineChart
          title={`Credits sold, granted and consumed ${weekly ? "per week" : "per day"}, ${rangeLabel(range)}`}
          data={points.map((p) => ({ day: p.day, sold: creditsOf(p.soldMillicredits), granted: creditsOf(p.grantedMillicredits), consumed: creditsOf(p.consumedMillicredits) }))}
          xKey="day"
          xFormat="day"
          series={[
            { key: "sold", label: "Sold" },
            { key: "granted", label: "Granted" },
            { key: "consumed", label: "Consumed" },
          ]}
          valueFormat="credits"
        />
        <Folded summary={`Show ${title} as a table`}>
          <DataTable label={title} minWidth="min-w-[30rem]">
            <thead>
              <tr>
                <Th>{weekly ? "Week starting" : "Day"}</Th>
                <Th className="text-right">Sold</Th>
                <Th className="text-right">Granted</Th>
                <Th className="text-right">Consumed</Th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.day}>
                  <Td>{dayLabel(p.day)}</Td>
                  <Td className={num}>{credits(p.soldMillicredits)}</Td>
                  <Td className={num}>{credits(p.grantedMillicredits)}</Td>
                  <Td className={num}>{credits(p.consumedMillicredits)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Folded>
      </TableBlock>
    </Section>
  );
}

type MarginRow = { label: string; calls: number; costMicros: bigint; revenueMillicredits: bigint };

function MarginTable({ label, first, rows }: { label: string; first: string; rows: MarginRow[] }) {
  if (rows.length === 0) return <EmptyState title="No usage in this range" />;
  return (
    <DataTable label={label} minWidth="min-w-[40rem]">
      <thead>
        <tr>
          <Th>{first}</Th>
          <Th className="text-right">Calls</Th>
          <Th className="text-right">Provider cost</Th>
          <Th className="text-right">Revenue</Th>
          <Th className="text-right">Margin</Th>
          <Th className="text-right">Margin %</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const m = margin(r);
          return (
            <tr key={r.label}>
              <Td className="break-all font-mono text-xs">{r.label}</Td>
              <Td className={num}>{formatCount(r.calls)}</Td>
              <Td className={num}>{credits(r.costMicros)}</Td>
              <Td className={num}>{credits(r.revenueMillicredits)}</Td>
              <Td className={num}>{credits(m.marginMillicredits)}</Td>
              <Td className={num}>{percent(m.rate)}</Td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}

export async function MarginSection({ range }: { range: ParsedRange }) {
  const [models, tiers, payments] = await Promise.all([modelUsage(range), usageByTier(range), paymentsByTier(range)]);
  return (
    <Section
      title="Provider cost vs revenue"
      description="In credits (1 credit = $0.001). Revenue is credits charged for calls; calls drawn from a plan's daily quota charge none, so their plan's revenue shows in the payments table. A call counts under the plan its workspace was on at the time."
    >
      <TableBlock title="Margin by model" report="margin-by-model" range={range}>
        <MarginTable label="Margin by model" first="Model" rows={models.map((m) => ({ ...m, label: m.modelKey }))} />
      </TableBlock>
      <TableBlock title="Margin by tier" report="margin-by-tier" range={range}>
        <MarginTable label="Margin by tier" first="Tier" rows={tiers.map((t) => ({ ...t, label: t.tier }))} />
      </TableBlock>
      <TableBlock title="Payments by tier" report="payments-by-tier" range={range}>
        {payments.length === 0 ? (
          <EmptyState title="No payments in this range" />
        ) : (
          <DataTable label="Payments by tier" minWidth="min-w-[40rem]">
            <thead>
              <tr>
                <Th>Tier</Th>
                <Th className="text-right">Plan starts</Th>
                <Th className="text-right">Plan changes</Th>
                <Th className="text-right">Renewals</Th>
                <Th className="text-right">Credit packs</Th>
                <Th className="text-right">Net received</Th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <tr key={p.tier}>
                  <Td className="font-medium">{p.tier}</Td>
                  <Td className={num}>{usd(p.planStartCents)}</Td>
                  <Td className={num}>{usd(p.planChangeCents)}</Td>
                  <Td className={num}>{usd(p.renewalCents)}</Td>
                  <Td className={num}>{usd(p.creditPackCents)}</Td>
                  <Td className={num}>{usd(p.netCents)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </TableBlock>
    </Section>
  );
}

