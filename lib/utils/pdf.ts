import "server-only";
import PDFDocument from "pdfkit";

// Tollgate's PDFs (receipts, analytics reports) are drawn with pdfkit's built-in Helvetica (no font
// files to ship), A4, and uncompressed, so their text stays searchable by tools and tests.

/** A new document and the promise of its bytes, which resolves once `doc.end()` is called. */
export function startPdf(title: string) {
  const doc = new PDFDocument({ size: "A4", margin: 50, compress: false, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  return { doc, done };
}

/** A file download's response: private, never cached. */
export function pdfResponse(bytes: Buffer, filename: string) {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
