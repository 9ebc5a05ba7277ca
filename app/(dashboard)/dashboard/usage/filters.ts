// The usage page's GET filters, shared by the table and its CSV export so both show the same rows.
import { BilledTo } from "@/lib/db";
import type { UsageFilters } from "@/lib/metering/reports";

const DAY_MS = 24 * 60 * 60 * 1000;

export const BILLED_TO_LABEL: Record<BilledTo, string> = {
  quota: "Daily quota",
  credits: "Credits",
  free: "Free model",
  byok: "Your provider key",
};

type Params = Record<string, string | string[] | undefined>;
export type UsageSearch = { model?: string; billedTo?: BilledTo; from?: string; to?: string };

const text = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim() : "");

/** 'YYYY-MM-DD' that is a real calendar day, else undefined. */
function calendarDay(v: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const t = Date.parse(`${v}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(v) ? v : undefined;
}

/** The filters as typed (for the form and links) and as query bounds (`to` includes its whole day). */
export function parseUsageSearch(params: Params): { search: UsageSearch; filters: UsageFilters } {
  const model = text(params.model).slice(0, 120) || undefined;
  const billed = text(params.billedTo);
  const billedTo = Object.values(BilledTo).includes(billed as BilledTo) ? (billed as BilledTo) : undefined;
  const from = calendarDay(text(params.from));
  const to = calendarDay(text(params.to));
  return {
    search: { model, billedTo, from, to },
    filters: {
      model,
      billedTo,
      from: from ? new Date(`${from}T00:00:00Z`) : undefined,
      to: to ? new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) : undefined,
    },
  };
}

/** The query string for a set of filters ("" when none). */
export function searchQuery(search: UsageSearch) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}
