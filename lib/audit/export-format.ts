import type { Prisma } from "@/lib/db";
import { csvRow } from "@/lib/utils/csv";

// How exported audit entries are written, and how a reader counts them as they stream in.
// No database access here: the admin page's export button counts rows with it in the browser.

export const exportFormats = ["csv", "json"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export type ExportedEntry = {
  seq: bigint;
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
  prevHash: string | null;
  hash: string;
};

export const auditCsvColumns = [
  "seq",
  "id",
  "createdAt",
  "actorId",
  "actorEmail",
  "action",
  "targetType",
  "targetId",
  "before",
  "after",
  "prevHash",
  "hash",
] as const;

const json = (value: Prisma.JsonValue | null) => (value === null ? null : JSON.stringify(value));

export function auditCsvRow(e: ExportedEntry): string {
  return csvRow([
    e.seq,
    e.id,
    e.createdAt.toISOString(),
    e.actorId,
    e.actorEmail,
    e.action,
    e.targetType,
    e.targetId,
    json(e.before),
    json(e.after),
    e.prevHash,
    e.hash,
  ]);
}

/** One entry as a single line of JSON (JSON.stringify escapes line breaks inside strings). */
export function auditJsonRecord(e: ExportedEntry): string {
  return JSON.stringify({ ...e, seq: e.seq.toString(), createdAt: e.createdAt.toISOString() });
}

/**
 * Counts the entries in an export as its text arrives, chunk by chunk. CSV: records end at a line
 * break outside quotes, less the header. JSON: every entry is a line that starts with "{".
 */
export function exportRowCounter(format: ExportFormat) {
  let count = 0;
  let inQuotes = false;
  let lineStart = true;
  return (chunk: string) => {
    for (const ch of chunk) {
      if (format === "csv") {
        if (ch === '"') inQuotes = !inQuotes;
        else if (ch === "\n" && !inQuotes) count++;
      } else if (ch === "{" && lineStart) count++;
      lineStart = ch === "\n";
    }
    return format === "csv" ? Math.max(0, count - 1) : count;
  };
}
