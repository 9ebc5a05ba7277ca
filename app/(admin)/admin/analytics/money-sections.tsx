import { LineChart } from "@/components/admin/charts/chart";
import { bucketsOf, type ParsedRange } from "@/lib/analytics/range";
import { marginByModel, marginByTier, type MarginRow } from "@/lib/analytics/margins";
import { paymentsByTier } from "@/lib/analytics/revenue";
import { creditsFlow, margin } from "@/lib/analytics/usage";
import { formatCount } from "@/lib/utils/format";
import { FiguresTable } from "./figures-table";
import { credits, creditsOf, dayLabel, microUsd, percent, rangeLabel, usd } from "./format";
import { Folded, Section, Stat, TableBlock } from "./section";

export async function CreditsSection({ range }: { range: ParsedRange }) {
  const points = await creditsFlow(range);
  const sum = (k: "soldMillicredits" | "grantedMillicredits" | "consumedMillicredits") =>
    points.reduce((s, p) => s + p[k], 0n);
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
          data={points.map((p) => ({
            day: p.day,
            sold: creditsOf(p.soldMillicredits),
            granted: creditsOf(p.grantedMillicredits),
            consumed: creditsOf(p.consumedMillicredits),
          }))}
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
          <FiguresTable
            label={title}
            minWidth="30rem"
            columns={[weekly ? "Week starting" : "Day", "Sold", "Granted", "Consumed"]}
            rows={points}
            rowKey={(p) => p.day}
            cells={(p) => [
              dayLabel(p.day),
              credits(p.soldMillicredits),
              credits(p.grantedMillicredits),
              credits(p.consumedMillicredits),
            ]}
          />
        </Folded>
      </TableBlock>
    </Section>
  );
}

function MarginTable({ label, first, rows }: { label: string; first: string; rows: MarginRow[] }) {
  return (
    <FiguresTable
      label={label}
      minWidth="40rem"
      columns={[first, "Calls", "Provider cost", "Revenue", "Margin", "Margin %"]}
      rows={rows}
      rowKey={(r) => r.label}
      labelClassName="break-all font-mono text-xs"
      empty="No payments or usage in this range"
      cells={(r) => {
        const m = margin(r);
        return [
          r.label,
          formatCount(r.calls),
          microUsd(r.costMicros),
          microUsd(r.revenueMillicredits),
          microUsd(m.marginMillicredits),
          percent(m.rate),
        ];
      }}
    />
  );
}

export async function MarginSection({ range }: { range: ParsedRange }) {
  const [models, tiers, payments] = await Promise.all([
    marginByModel(range),
    marginByTier(range),
    paymentsByTier(range),
  ]);
  return (
    <Section
      title="Provider cost vs revenue"
      description={
        <>
          In US dollars. <strong>Revenue</strong> of a tier is the money received in the range (plan starts,
          changes and renewals at the prices actually paid, and credit packs, net of refunds) while the
          workspace was on it; <strong>cost</strong> is the provider cost of the calls made under it. A
          model&apos;s revenue is each tier&apos;s revenue shared by the list value of the model&apos;s calls
          there (what they would have charged in credits at their markup, from the quota or not; free and BYOK
          calls count nothing); a tier&apos;s revenue with no calls in the range is <em>Unallocated</em>.{" "}
          <strong>Margin</strong> = revenue − cost; <strong>margin %</strong> = margin ÷ revenue. Payments and
          calls count under the plan in force at their time.
        </>
      }
    >
      <TableBlock title="Margin by model" report="margin-by-model" range={range}>
        <MarginTable label="Margin by model" first="Model" rows={models} />
      </TableBlock>
      <TableBlock title="Margin by tier" report="margin-by-tier" range={range}>
        <MarginTable label="Margin by tier" first="Tier" rows={tiers} />
      </TableBlock>
      <TableBlock title="Payments by tier" report="payments-by-tier" range={range}>
        <FiguresTable
          label="Payments by tier"
          minWidth="40rem"
          columns={["Tier", "Plan starts", "Plan changes", "Renewals", "Credit packs", "Net received"]}
          rows={payments}
          rowKey={(p) => p.tier}
          labelClassName="font-medium"
          empty="No payments in this range"
          cells={(p) => [
            p.tier,
            usd(p.planStartCents),
            usd(p.planChangeCents),
            usd(p.renewalCents),
            usd(p.creditPackCents),
            usd(p.netCents),
          ]}
        />
      </TableBlock>
    </Section>
  );
}
