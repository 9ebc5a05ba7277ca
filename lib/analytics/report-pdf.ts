import "server-only";
import { creditsLabel, formatExactCents } from "@/lib/catalog/money";
import { formatCount } from "@/lib/utils/format";
import { startPdf } from "@/lib/utils/pdf";
import { reportFigures, type ReportSummary } from "./report-summary";

// The analytics report as a PDF (server-side, pdfkit): the period, the headline figures with what
// each means, and the top workspaces and models.

function table(doc: PDFKit.PDFDocument, title: string, head: string[], rows: string[][]) {
  doc.moveDown().font("Helvetica-Bold").fontSize(13).text(title, 50).fontSize(10);
  const widths = [255, 120, 120];
  const line = (cells: string[], bold: boolean) => {
    const y = doc.y + 2;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica");
    let x = 50;
    cells.forEach((c, i) => {
      doc.text(c, x, y, { width: widths[i], align: i === 0 ? "left" : "right" });
      x += widths[i];
    });
    doc.x = 50;
  };
  line(head, true);
  if (!rows.length) doc.font("Helvetica").text("None in this period.", 50);
  for (const r of rows) line(r, false);
}

export async function reportPdf(s: ReportSummary, company: string, periodLabel: string): Promise<Buffer> {
  const { doc, done } = startPdf(`${company} report ${periodLabel}`);
  doc.font("Helvetica-Bold").fontSize(20).text(`${company} report`);
  doc.font("Helvetica").fontSize(11).text(`Period: ${periodLabel} (UTC)`);
  doc.moveDown();
  for (const f of reportFigures(s)) {
    const y = doc.y;
    doc.font("Helvetica-Bold").fontSize(10).text(f.label, 50, y, { width: 150 });
    doc.text(f.value, 200, y, { width: 140 });
    doc.font("Helvetica").text(f.means, 345, y, { width: 200 });
    doc.x = 50;
    doc.moveDown(0.4);
  }
  table(
    doc,
    "Top workspaces",
    ["Workspace", "Paid", "Credits used"],
    s.topWorkspaces.map((w) => [
      w.name,
      formatExactCents(w.paymentsCents),
      creditsLabel(w.consumedMillicredits),
    ]),
  );
  table(
    doc,
    "Top models",
    ["Model", "Calls", "Credits charged"],
    s.topModels.map((m) => [m.modelKey, formatCount(m.calls), creditsLabel(m.revenueMillicredits)]),
  );
  doc.end();
  return done;
}
