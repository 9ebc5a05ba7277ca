// Display formats for the analytics page. Money arrives as integer cents or millicredits (bigint).
import { formatCents, formatCredits } from "@/lib/catalog/money";
import type { ParsedRange } from "@/lib/analytics/range";
import { formatDate } from "@/lib/utils/format";

export const usd = (cents: bigint) => formatCents(Number(cents));
export const credits = (millicredits: bigint) => formatCredits(millicredits);
/** Micro-dollars as dollars, to a hundredth of a cent (provider costs are often less than a cent). */
export const microUsd = (micros: bigint) =>
  `${micros < 0n ? "−" : ""}$${(Math.abs(Number(micros)) / 1e6).toLocaleString("en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  })}`;
/** A fraction as a percentage with one decimal, or an em dash when there is no denominator. */
export const percent = (rate: number | null) =>
  rate === null ? "—" : `${(rate * 100).toLocaleString("en-US", { maximumFractionDigits: 1 })}%`;
/** For charts: exact integers to plain numbers in display units. */
export const dollarsOf = (cents: bigint) => Number(cents) / 100;
export const creditsOf = (millicredits: bigint) => Number(millicredits) / 1000;

export const rangeLabel = (r: ParsedRange) =>
  `${formatDate(r.from)} – ${formatDate(new Date(r.to.getTime() - 1))}`;
const monthFormat = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
export const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));
const dayFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});
export const dayLabel = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));
