"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart as RechartsLineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ChartRow, ChartSeries } from "./bar-chart";
import {
  CHART_COLORS,
  formatAxis,
  formatValue,
  tooltipStyle,
  type AxisFormat,
  type ValueFormat,
} from "./format";

type Props = {
  title: string;
  data: ChartRow[];
  xKey: string;
  xFormat: AxisFormat;
  series: ChartSeries[];
  valueFormat: ValueFormat;
};

/** Lines over time; like the bar chart, one named image with the numbers in a table beside it. */
export function LineChart({ title, data, xKey, xFormat, series, valueFormat }: Props) {
  return (
    <div role="img" aria-label={title} className="h-64 w-full min-w-0 text-xs text-muted-foreground sm:h-72">
      <ResponsiveContainer width="100%" height="100%">
        <RechartsLineChart
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
            minTickGap={16}
          />
          <YAxis
            tick={{ fill: "currentColor" }}
            stroke="currentColor"
            width={64}
            tickFormatter={(v: number) => formatValue(v, valueFormat, true)}
          />
          <Tooltip
            labelFormatter={(label) => formatAxis(String(label), xFormat)}
            formatter={(v, name) => [formatValue(Number(v), valueFormat), name]}
            contentStyle={tooltipStyle}
          />
          {series.length > 1 ? (
            <Legend formatter={(name) => <span className="text-foreground">{String(name)}</span>} />
          ) : null}
          {series.map((s, i) => (
            <Line
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={s.label}
              stroke={CHART_COLORS[i % CHART_COLORS.length]}
              strokeWidth={2}
              dot={data.length <= 31}
              isAnimationActive={false}
            />
          ))}
        </RechartsLineChart>
      </ResponsiveContainer>
    </div>
  );
}
