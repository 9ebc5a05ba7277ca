import "server-only";
import { db } from "@/lib/db";
import { auditCsvColumns, auditCsvRow, auditJsonRecord, type ExportFormat } from "./export-format";
import { auditWhere, type AuditFilter } from "./query";
import { csvRow } from "@/lib/utils/csv";

const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

export function exportFilename(filter: AuditFilter, format: ExportFormat, now = new Date()) {
  return `audit-log-${filter.from ?? "start"}-${filter.to ?? now.toISOString().slice(0, 10)}.${format}`;
}

/**
 * The filtered audit log, oldest first, as a stream of CSV or JSON text. Rows are read a batch at a
 * time by seq, and only those that existed when the export began, so `total` matches what streams.
 */
export async function exportAuditLog(
  filter: AuditFilter,
  format: ExportFormat,
  opts: { batchSize?: number } = {},
) {
  const batchSize = opts.batchSize ?? 1000;
  const where = auditWhere(filter);
  const { _max } = await db.auditLog.aggregate({ _max: { seq: true } });
  const lastSeq = _max.seq ?? 0n;
  const total = await db.auditLog.count({ where: { ...where, seq: { lte: lastSeq } } });
  const encoder = new TextEncoder();
  let cursor: bigint | null = null;
  let written = 0;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? csvRow(auditCsvColumns) : "[\n"));
    },
    async pull(controller) {
      const rows = await db.auditLog.findMany({
        where: { ...where, seq: cursor === null ? { lte: lastSeq } : { gt: cursor, lte: lastSeq } },
        orderBy: { seq: "asc" },
        take: batchSize,
      });
      let out = "";
      for (const row of rows) {
        out += format === "csv" ? auditCsvRow(row) : `${written > 0 ? ",\n" : ""}${auditJsonRecord(row)}`;
        written++;
      }
      cursor = rows.at(-1)?.seq ?? cursor;
      const finished = rows.length < batchSize;
      if (finished && format === "json") out += written > 0 ? "\n]\n" : "]\n";
      if (out) controller.enqueue(encoder.encode(out));
      if (finished) controller.close();
    },
  });
  return { total, stream, filename: exportFilename(filter, format), contentType: contentTypes[format] };
}
