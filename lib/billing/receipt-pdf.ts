import "server-only";
import { startPdf } from "@/lib/utils/pdf";
import type { Receipt } from "./receipts";

// The PDF invoice of a receipt (lib/utils/pdf.ts: built-in Helvetica, uncompressed).

export async function receiptPdf(r: Receipt): Promise<Buffer> {
  const { doc, done } = startPdf(`Receipt ${r.number}`);

  doc
    .font("Helvetica-Bold")
    .fontSize(20)
    .text(r.payment.status === "failed" ? "Failed payment" : "Receipt");
  doc.font("Helvetica").fontSize(10).text(`Receipt number ${r.number}`).text(`Date ${r.date} UTC`);
  doc.moveDown();
  const top = doc.y;
  doc.font("Helvetica-Bold").text("From", 50, top).font("Helvetica");
  doc.text(r.seller.companyName).text(r.seller.legalName).text(r.seller.legalAddress, { width: 230 });
  doc.text(r.seller.supportEmail);
  const left = doc.y;
  doc.font("Helvetica-Bold").text("Billed to", 310, top).font("Helvetica");
  doc.text(r.buyer.workspace, 310);
  if (r.buyer.name) doc.text(r.buyer.name, 310);
  if (r.buyer.email) doc.text(r.buyer.email, 310);
  doc.y = Math.max(left, doc.y);
  doc.x = 50;
  doc.moveDown(2);

  doc.font("Helvetica-Bold").text("Description", 50, doc.y, { continued: false });
  for (const line of r.lines) {
    const y = doc.y + 4;
    doc.font("Helvetica").text(line.description, 50, y, { width: 380 });
    doc.text(line.amount, 430, y, { width: 115, align: "right" });
  }
  doc.moveDown();
  const y = doc.y;
  doc.font("Helvetica-Bold").text("Total", 50, y).text(r.total, 430, y, { width: 115, align: "right" });
  doc.font("Helvetica").moveDown();
  doc.x = 50;
  if (r.refunded) doc.text(`Refunded ${r.refunded}`);
  if (r.credits) doc.text(`Credits added ${r.credits}`);
  if (r.period) doc.text(`Period ${r.period}`);
  doc.text(`Paid with ${r.paymentMethod}`);
  if (r.payment.failureReason) doc.text(`Not paid: ${r.payment.failureReason}`);
  doc.text(`Reference ${r.reference}`);
  doc.end();
  return done;
}
