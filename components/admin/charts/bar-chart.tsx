"use client";

import {
  Bar,
  BarChart as RechartsBarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  CHART_COLORS,
  formatAxis,
  formatValue,
  tooltipStyle,
  type AxisFormat,
  type ValueFormat,
} from "./format";

export type ChartSeries = { key: string; label: string };
export type ChartRow = Record<string, string | number>;

type Props = {
  title: string;
  data: ChartRow[];
  xKey: string;
  xFormat: AxisFormat;
  series: ChartSeries[];
  valueFormat: ValueFormat;
  stacked?: boolean;
};

/**
 * Bars per category. The chart is one named image for screen readers; the table beside it carries
 * the same numbers in text.
 */
export function BarChart({ title, data, xKey, xFormat, series, valueFormat, stacked = false }: Props) {
  return (
    <div role="img" aria-label={title} className="h-64 w-full min-w-0 text-xs text-muted-foreground sm:h-72">
      <ResponsiveContainer width="100%" height="100%">
        <RechartsBarChart
          data={data}
          accessibilityLayer={false}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis
            dataKey={xKey}
            tickFormatter={(v: string | number) => formatAxis(v, xFormat)}
            tick={{ fill: "currentColor" }}
            stroke="currentColor"
            minTickGap={8}
          />
          <YAxis
            tick={{ fill: "currentColor" }}
            stroke="currentColor"
            width={64}
            tickFormatter={(v: number) => formatValue(v, valueFormat, true)}
            allowDecimals={valueFormat !== "count"}
          />
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
            labelFormatter={(label) => formatAxis(String(label), xFormat)}
            formatter={(v, name) => [formatValue(Number(v), valueFormat), name]}
            contentStyle={tooltipStyle}
          />
          {series.length > 1 ? (
            <Legend formatter={(name) => <span className="text-foreground">{String(name)}</span>} />
          ) : null}
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId={stacked ? "stack" : undefined}
              fill={CHART_COLORS[i % CHART_COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </RechartsBarChart>
      </ResponsiveContainer>
    </div>
  );
}
