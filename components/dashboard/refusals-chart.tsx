"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RefusalCode } from "@/lib/metering/refusal-counts";
import type { RefusalDay } from "@/lib/metering/refusal-report";

// Mid-tone colours that keep 3:1 against both the light and the dark card.
const COLOR: Record<RefusalCode, string> = {
  quota_exceeded: "#d97706",
  model_not_allowed: "#6366f1",
  insufficient_credits: "#dc2626",
  spend_cap_reached: "#0284c7",
  member_spend_cap_reached: "#059669",
};

const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const shortDay = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

/** Refused calls per UTC day, stacked by code: one named image; the sentence above carries today's numbers. */
export function RefusalsChart({ days, labels }: { days: RefusalDay[]; labels: Record<RefusalCode, string> }) {
  const codes = (Object.keys(COLOR) as RefusalCode[]).filter((c) => days.some((d) => d[c] > 0));
  const total = days.reduce((s, d) => s + codes.reduce((n, c) => n + d[c], 0), 0);
  return (
    <div
      role="img"
      aria-label={`Refused calls per day by reason, last ${days.length} days: ${total.toLocaleString("en-US")} in all`}
      className="h-48 w-full min-w-0 text-xs text-muted-foreground"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis
            dataKey="day"
            tickFormatter={(d: string) => shortDay(d)}
            tick={{ fill: "currentColor" }}
            stroke="currentColor"
            minTickGap={16}
          />
          <YAxis tick={{ fill: "currentColor" }} stroke="currentColor" width={40} allowDecimals={false} />
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
            labelFormatter={(d) => shortDay(String(d))}
            formatter={(v, code) => [String(v), labels[code as RefusalCode]]}
            contentStyle={{ background: "var(--card)", border: "1px solid var(--border)", borderRadius: 8 }}
          />
          <Legend
            formatter={(code) => <span className="text-foreground">{labels[code as RefusalCode]}</span>}
          />
          {codes.map((c) => (
            <Bar key={c} dataKey={c} name={c} stackId="refused" fill={COLOR[c]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
