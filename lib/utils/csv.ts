// RFC 4180 CSV: CRLF line ends; fields with a comma, quote or line break are quoted, quotes doubled.
export type CsvValue = string | number | bigint | boolean | null | undefined;

// A text cell starting with one of these is run as a formula by spreadsheet apps (CSV injection);
// a leading apostrophe makes them show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, line end included. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
