/** The text pdfkit drew: its uncompressed content streams hold each run as hex glyph codes (WinAnsi). */
export const pdfText = (pdf: string) =>
  [...pdf.matchAll(/\[([^\]]*)\] TJ/g)]
    .map((run) =>
      [...run[1].matchAll(/<([0-9a-f]+)>/gi)]
        .map((h) => Buffer.from(h[1], "hex").toString("latin1"))
        .join(""),
    )
    .join("\n");
