import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { csvRow } from "@/lib/utils/csv";
import { exportAuditLog, exportFilename } from "./export";
import { auditCsvColumns, auditCsvRow, exportRowCounter, type ExportFormat } from "./export-format";
import { auditWhere, parseAuditFilter, type AuditFilter } from "./query";
import { recordAudit } from "./record";

async function readAll(stream: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of stream) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** Entries under one fresh action name, so filters find only this test's rows in the shared database. */
async function seedEntries() {
  const action = `test.export.${randomUUID().slice(0, 8)}`;
  const email = `Exporter-${randomUUID().slice(0, 8)}@Example.test`;
  const awkward = [
    "plain",
    "comma, inside",
    'a "quoted" word',
    "two\nlines",
    '=HYPERLINK("http://evil")',
    "-2+3",
    "@sum",
    "+1",
  ];
  for (const [i, note] of awkward.entries()) {
    await recordAudit(db, {
      actor: { id: "exporter", email },
      action,
      targetType: "test",
      targetId: note,
      before: i % 2 ? null : { note },
      after: { i, note },
    });
  }
  await recordAudit(db, {
    actor: null,
    action: `${action}.other`,
    targetType: "test",
    after: { ignored: true },
  });
  return { action, email, count: awkward.length };
}

const matching = (filter: AuditFilter) =>
  db.auditLog.findMany({ where: auditWhere(filter), orderBy: { seq: "asc" } });

describe("csvRow", () => {
  it("quotes fields with commas, quotes or line breaks and doubles the quotes (RFC 4180)", () => {
    expect(csvRow(["a", "b,c", 'say "hi"', "line\nbreak", "cr\rlf", null, undefined, 5n, 7, true])).toBe(
      'a,"b,c","say ""hi""","line\nbreak","cr\rlf",,,5,7,true\r\n',
    );
  });

  it("makes text cells that a spreadsheet would run as a formula read as text", () => {
    expect(csvRow(["=SUM(A1:A9)", "+1", "-2", "@cmd", "\tx", "safe", -3])).toBe(
      "'=SUM(A1:A9),'+1,'-2,'@cmd,'\tx,safe,-3\r\n",
    );
    expect(csvRow(['=HYPERLINK("http://evil","click")'])).toBe(
      `"'=HYPERLINK(""http://evil"",""click"")"\r\n`,
    );
  });
});

describe("parseAuditFilter", () => {
  it("keeps valid values and drops malformed ones", () => {
    expect(
      parseAuditFilter({
        actor: "  ann@x.test ",
        action: "tier.create",
        from: "2026-02-30",
        to: "2026-03-01",
        targetId: ["a", "b"],
      }),
    ).toEqual({
      actor: "ann@x.test",
      action: "tier.create",
      targetType: undefined,
      targetId: undefined,
      from: undefined,
      to: "2026-03-01",
    });
  });
});

describe("exportAuditLog", () => {
  it("streams exactly the matching entries as CSV, oldest first, in batches", async () => {
    const { action, count } = await seedEntries();
    const filter = parseAuditFilter({ action });
    const rows = await matching(filter);
    expect(rows).toHaveLength(count);

    const { stream, total, filename, contentType } = await exportAuditLog(filter, "csv", { batchSize: 3 });
    const text = await readAll(stream);

    expect(total).toBe(count);
    expect(contentType).toBe("text/csv; charset=utf-8");
    expect(filename).toMatch(/^audit-log-start-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text).toBe(csvRow(auditCsvColumns) + rows.map(auditCsvRow).join(""));
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain(`,"{""i"":2,""note"":""a \\""quoted\\"" word""}",`);
    expect(exportRowCounter("csv")(text)).toBe(count);
  });

  it("streams the matching entries as a JSON array, filtered by actor and UTC days", async () => {
    const { action, email, count } = await seedEntries();
    const today = new Date().toISOString().slice(0, 10);
    const filter = parseAuditFilter({ action, actor: email.toLowerCase(), from: today, to: today });
    const rows = await matching(filter);

    const { stream, total, filename } = await exportAuditLog(filter, "json", { batchSize: 2 });
    const text = await readAll(stream);
    const parsed = JSON.parse(text) as { id: string; seq: string; createdAt: string; after: unknown }[];

    expect(total).toBe(count);
    expect(filename).toBe(`audit-log-${today}-${today}.json`);
    expect(parsed.map((e) => e.id)).toEqual(rows.map((r) => r.id));
    expect(parsed.map((e) => e.seq)).toEqual(rows.map((r) => r.seq.toString()));
    expect(parsed[0]).toMatchObject({ createdAt: rows[0].createdAt.toISOString(), after: rows[0].after });
    // Counting chunk by chunk, one character at a time, still finds every entry.
    const countRows = exportRowCounter("json");
    let counted = 0;
    for (const ch of text) counted = countRows(ch);
    expect(counted).toBe(count);
  });

  it("includes only entries that existed when the export began, and nothing outside the dates", async () => {
    const { action, count } = await seedEntries();
    const filter = parseAuditFilter({ action });
    const { stream, total } = await exportAuditLog(filter, "csv", { batchSize: 2 });
    await recordAudit(db, { actor: null, action, targetType: "test", after: { late: true } });
    const text = await readAll(stream);
    expect(total).toBe(count);
    expect(exportRowCounter("csv")(text)).toBe(count);
    expect(text).not.toContain("late");

    const tomorrow = new Date(Date.now() + 864e5).toISOString().slice(0, 10);
    for (const format of ["csv", "json"] as ExportFormat[]) {
      const empty = await exportAuditLog(parseAuditFilter({ action, from: tomorrow }), format);
      const body = await readAll(empty.stream);
      expect(empty.total).toBe(0);
      expect(format === "csv" ? body : JSON.parse(body)).toEqual(
        format === "csv" ? csvRow(auditCsvColumns) : [],
      );
    }
    expect(exportFilename({ from: "2026-01-01", to: "2026-01-31" } as AuditFilter, "csv")).toBe(
      "audit-log-2026-01-01-2026-01-31.csv",
    );
  });
});
