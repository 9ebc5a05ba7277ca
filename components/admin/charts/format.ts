// Axis and tooltip formats for the admin charts. Charts get plain numbers (dollars, credits, counts);
// exact integer money stays in the tables beside them.
export type ValueFormat = "count" | "usd" | "credits" | "percent";
export type AxisFormat = "day" | "hour" | "text";

// Mid-tone colours that keep 3:1 against both the light and the dark card (as the usage chart).
export const CHART_COLORS = ["#6366f1", "#0284c7", "#d97706", "#059669", "#db2777", "#7c3aed"];

const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export function formatAxis(value: string | number, format: AxisFormat) {
  if (format === "day") return dayLabel.format(new Date(`${value}T00:00:00Z`));
  if (format === "hour") return `${String(value).padStart(2, "0")}:00`;
  return String(value);
}

export function formatValue(value: number, format: ValueFormat, compact = false) {
  const digits = format === "count" ? 0 : format === "usd" ? 2 : format === "percent" ? 1 : 3;
  const n = value.toLocaleString("en-US", {
    maximumFractionDigits: compact ? 1 : digits,
    notation: compact && Math.abs(value) >= 10_000 ? "compact" : "standard",
  });
  return format === "usd" ? `$${n}` : format === "percent" ? `${n}%` : n;
}

export const tooltipStyle = {
  background: "var(--card)",
  border: "1px solid var(--border)",
  borderRadius: 8,
  color: "var(--card-foreground)",
};
