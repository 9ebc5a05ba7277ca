"use client";

import {
  Bar,
  BarChart as RechartsBarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart as RechartsLineChart,
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
};

/**
 * The console's one chart frame: grid, axes, tooltip and legend in the theme's colours, with bars
 * or lines in it. The chart is one named image for screen readers; the table beside it carries the
 * same numbers in text.
 */
function Chart({
  kind,
  title,
  data,
  xKey,
  xFormat,
  series,
  valueFormat,
  stacked = false,
}: Props & { kind: "bar" | "line"; stacked?: boolean }) {
  const Frame = kind === "bar" ? RechartsBarChart : RechartsLineChart;
  return (
    <div role="img" aria-label={title} className="h-64 w-full min-w-0 text-xs text-muted-foreground sm:h-72">
      <ResponsiveContainer width="100%" height="100%">
        <Frame data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis
            dataKey={xKey}
            tickFormatter={(v: string | number) => formatAxis(v, xFormat)}
            tick={{ fill: "currentColor" }}
            stroke="currentColor"
            minTickGap={kind === "bar" ? 8 : 16}
          />
          <YAxis
            tick={{ fill: "currentColor" }}
            stroke="currentColor"
            width={64}
            tickFormatter={(v: number) => formatValue(v, valueFormat, true)}
            allowDecimals={kind === "line" || valueFormat !== "count"}
          />
          <Tooltip
            cursor={kind === "bar" ? { fill: "currentColor", fillOpacity: 0.08 } : undefined}
            labelFormatter={(label) => formatAxis(String(label), xFormat)}
            formatter={(v, name) => [formatValue(Number(v), valueFormat), name]}
            contentStyle={tooltipStyle}
          />
          {series.length > 1 ? (
            <Legend formatter={(name) => <span className="text-foreground">{String(name)}</span>} />
          ) : null}
          {series.map((s, i) => {
            const color = CHART_COLORS[i % CHART_COLORS.length];
            return kind === "bar" ? (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId={stacked ? "stack" : undefined}
                fill={color}
                isAnimationActive={false}
              />
            ) : (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={s.label}
                stroke={color}
                strokeWidth={2}
                dot={data.length <= 31}
                isAnimationActive={false}
              />
            );
          })}
        </Frame>
      </ResponsiveContainer>
    </div>
  );
}

/** Bars per category, side by side or `stacked`. */
export function BarChart(props: Props & { stacked?: boolean }) {
  return <Chart kind="bar" {...props} />;
}

/** Lines over time. */
export function LineChart(props: Props) {
  return <Chart kind="line" {...props} />;
}
