"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCredits } from "@/lib/catalog/money";

export type UsageChartRow = {
  day: string;
  modelKey: string;
  calls: number;
  chargedMillicredits: string;
  quotaUnits: number;
};
export type UsageMetric = "credits" | "quotaUnits";

// Mid-tone colours that keep 3:1 against both the light and the dark card.
const COLORS = ["#6366f1", "#0284c7", "#d97706", "#059669", "#db2777", "#7c3aed", "#dc2626", "#0d9488"];

const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const shortDay = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));
const number = (n: number, digits = 3) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

const chartTitle = (metric: UsageMetric) =>
  metric === "credits"
    ? "Credits charged per day by model, last 30 days"
    : "Quota units used per day by model, last 30 days";

/**
 * Stacked bars per UTC day and model. The chart is one named image for screen readers; the totals
 * table under it carries the same numbers in text.
 */
export function UsageChart({
  days,
  rows,
  metric,
}: {
  days: string[];
  rows: UsageChartRow[];
  metric: UsageMetric;
}) {
  const value = (r: UsageChartRow) =>
    metric === "credits" ? Number(r.chargedMillicredits) / 1000 : r.quotaUnits;
  const models = [...new Set(rows.map((r) => r.modelKey))].sort();
  const data = days.map((day) => {
    const point: Record<string, string | number> = { day };
    for (const r of rows) if (r.day === day) point[r.modelKey] = value(r);
    return point;
  });
  const totals = models.map((model) => {
    const mine = rows.filter((r) => r.modelKey === model);
    return {
      model,
      calls: mine.reduce((s, r) => s + r.calls, 0),
      millicredits: mine.reduce((s, r) => s + BigInt(r.chargedMillicredits), 0n),
      quotaUnits: mine.reduce((s, r) => s + r.quotaUnits, 0),
    };
  });
  const unit = metric === "credits" ? "credits" : "units";
  const title = chartTitle(metric);

  return (
    <div className="grid min-w-0 gap-4">
      <div role="img" aria-label={title} className="h-72 w-full min-w-0 text-xs text-muted-foreground">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
            <XAxis
              dataKey="day"
              tickFormatter={shortDay}
              tick={{ fill: "currentColor" }}
              stroke="currentColor"
              minTickGap={16}
            />
            <YAxis
              tick={{ fill: "currentColor" }}
              stroke="currentColor"
              width={56}
              tickFormatter={(v: number) => number(v, 1)}
              allowDecimals={metric === "credits"}
            />
            <Tooltip
              cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
              labelFormatter={(label) => shortDay(String(label))}
              formatter={(v) => `${number(Number(v))} ${unit}`}
              contentStyle={{
                background: "var(--card)",
                border: "1px solid var(--border)",
                borderRadius: 8,
                color: "var(--card-foreground)",
              }}
            />
            <Legend formatter={(model) => <span className="text-foreground">{String(model)}</span>} />
            {models.map((model, i) => (
              <Bar
                key={model}
                dataKey={model}
                stackId="usage"
                fill={COLORS[i % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <TotalsTable totals={totals} />
    </div>
  );
}

type Total = { model: string; calls: number; millicredits: bigint; quotaUnits: number };

function TotalsTable({ totals }: { totals: Total[] }) {
  return (
    <div
      role="region"
      aria-label="Usage totals by model, last 30 days"
      tabIndex={0}
      className="relative min-w-0 overflow-x-auto rounded-md border focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      <table className="w-full min-w-[28rem] border-collapse text-left text-sm">
        <caption className="sr-only">Usage totals by model, last 30 days</caption>
        <thead>
          <tr className="bg-muted text-muted-foreground">
            <th scope="col" className="px-3 py-2 font-medium">
              Model
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Calls
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Credits charged
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Quota units
            </th>
          </tr>
        </thead>
        <tbody>
          {totals.map((t) => (
            <tr key={t.model} className="border-t">
              <th scope="row" className="px-3 py-2 font-mono text-xs font-normal break-all">
                {t.model}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{number(t.calls)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatCredits(t.millicredits)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{number(t.quotaUnits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
