// Number and date display, en-US. Two costs shape it. The first Intl formatter a browser page builds
// loads ICU's locale data: 25–60 ms of main thread on this project's machines (4x that on a phone),
// inside the hydration of the public pages' client components (plan cards, calculator) that format
// prices. So whole numbers are grouped by hand (the same text Intl gives for en-US) and only other
// numbers reach Intl; and each Intl formatter is built once, when first used, and reused.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The shared en-US number formatter for these options. */
export function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat("en-US", options)));
  return format;
}

/** "-1,234,567": en-US grouping of a whole number, without Intl. */
export function groupThousands(whole: number | bigint): string {
  const text = whole.toString();
  const digits = text.startsWith("-") ? text.slice(1) : text;
  return `${digits === text ? "" : "-"}${digits.replace(/\B(?=(\d{3})+$)/g, ",")}`;
}

/** Whole `units` of 10^-decimals as en-US text, trailing zeros dropped: (250, 2) → "2.5", (123456, 2) → "1,234.56". */
export function scaledDecimal(units: number, decimals: number): string {
  const scale = 10 ** decimals;
  if (!Number.isSafeInteger(units))
    return numberFormat({ maximumFractionDigits: decimals }).format(units / scale);
  const abs = Math.abs(units);
  const fraction = String(abs % scale)
    .padStart(decimals, "0")
    .replace(/0+$/, "");
  return `${units < 0 ? "-" : ""}${groupThousands(Math.floor(abs / scale))}${fraction ? `.${fraction}` : ""}`;
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

// Pages render on the server, so the time zone is pinned: everyone reads the same calendar day.
const dateFormat = once(() => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }));
const dateTimeFormat = once(
  () => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
);

export const formatDate = (date: Date) => dateFormat().format(date);
export const formatDateTime = (date: Date) => `${dateTimeFormat().format(date)} UTC`;
/** "1,234" (and "1,234.567" for a fraction: up to three decimals, as toLocaleString). */
export const formatCount = (n: number | bigint) =>
  typeof n === "bigint" || Number.isSafeInteger(n) ? groupThousands(n) : numberFormat().format(n);
export const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
