import { formatBps, formatCents, formatCredits } from "@/lib/catalog/money";
import { formatDateTime } from "@/lib/utils/format";

// An audit entry's before/after as a readable diff: only the fields that changed (every field of a
// created or deleted record), named in words, in people's units — credits not millicredits, dollars
// not cents, percentages not basis points, dates formatted. Pure, so the page and tests share it.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type DiffRow = { field: string; label: string; before: string | null; after: string | null };

/** Bookkeeping fields that change with every write and say nothing to a reader. */
const SKIPPED = new Set(["updatedAt", "hash", "prevHash"]);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const isRecord = (v: unknown): v is Record<string, Json> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** "monthlyPriceCents" → "Monthly price", "includedMillicredits" → "Included credits". */
export function fieldLabel(key: string) {
  const base = key
    .replace(/Millicredits$/, "Credits")
    .replace(/^millicredits$/, "credits")
    .replace(/(Cents|Bps|Micros)$/, "");
  const words = base
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/ id$/, " ID");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const asInteger = (v: Json) =>
  typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : null;

/** One value in people's units, by what its field name says it holds. */
export function humanValue(key: string, value: Json | undefined, currency = "usd"): string | null {
  if (value === undefined || value === null) return null;
  const n = asInteger(value);
  if (/millicredits$/i.test(key) && n !== null)
    return `${formatCredits(typeof value === "string" ? BigInt(value) : BigInt(n))} credits`;
  if (/Cents$/.test(key) && n !== null) return formatCents(n, currency);
  if (/Bps$/.test(key) && n !== null) return formatBps(n);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" && ISO.test(value)) return formatDateTime(new Date(value));
  if (typeof value === "number") return value.toLocaleString("en-US");
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? "" : "s"}`;
  return JSON.stringify(value);
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** The rows of the diff; empty when nothing readable changed. Non-record snapshots compare as one value. */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const b = before as Json | null;
  const a = after as Json | null;
  if (!isRecord(b) && !isRecord(a)) {
    if (same(b ?? undefined, a ?? undefined)) return [];
    return [
      { field: "value", label: "Value", before: humanValue("value", b), after: humanValue("value", a) },
    ];
  }
  const beforeRec = isRecord(b) ? b : {};
  const afterRec = isRecord(a) ? a : {};
  const currency = String(afterRec.currency ?? beforeRec.currency ?? "usd");
  const keys = [...new Set([...Object.keys(beforeRec), ...Object.keys(afterRec)])];
  return keys
    .filter((k) => !SKIPPED.has(k) && !same(beforeRec[k], afterRec[k]))
    .map((k) => ({
      field: k,
      label: fieldLabel(k),
      before: humanValue(k, beforeRec[k], currency),
      after: humanValue(k, afterRec[k], currency),
    }));
}
