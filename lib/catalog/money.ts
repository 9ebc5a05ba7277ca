// Display and parsing of money. Storage is always integers: millicredits (BigInt) and cents.
import { formatCount, groupThousands, numberFormat, scaledDecimal } from "@/lib/utils/format";

export const MILLI = 1000n;

/** Millicredits as a decimal credit string with up to 3 decimals ("1234.5", "0.001", "-2"). */
export function formatCredits(millicredits: bigint | number): string {
  const m = BigInt(millicredits);
  const sign = m < 0n ? "-" : "";
  const abs = m < 0n ? -m : m;
  const whole = abs / MILLI;
  const frac = (abs % MILLI).toString().padStart(3, "0").replace(/0+$/, "");
  return `${sign}${formatCount(whole)}${frac ? `.${frac}` : ""}`;
}

/** For people: "1,234.5 credits". */
export const creditsLabel = (millicredits: bigint | number) => `${formatCredits(millicredits)} credits`;

/** The API's decimal-string form: no thousands separators ("1234.5"). */
export function creditsString(millicredits: bigint): string {
  return formatCredits(millicredits).replaceAll(",", "");
}

/** Whole credits typed by a person ("1,500" or "2.5") to millicredits; null when not a number. */
export function parseCredits(text: string): bigint | null {
  const t = text.replaceAll(",", "").trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,3}))?$/.exec(t);
  if (!m) return null;
  const value = BigInt(m[2]) * MILLI + BigInt((m[3] ?? "").padEnd(3, "0") || "0");
  return m[1] ? -value : value;
}

// Whole cents in US dollars are written by hand (Intl's en-US text: "$1,234", "-$5.50"), so the
// public pages' plan cards and calculator need no Intl in the browser (lib/utils/format.ts says why).
function usdText(cents: number, withCents: boolean): string | null {
  if (!Number.isSafeInteger(cents)) return null;
  const abs = Math.abs(cents);
  const fraction = withCents ? `.${String(abs % 100).padStart(2, "0")}` : "";
  return `${cents < 0 ? "-" : ""}$${groupThousands(Math.floor(abs / 100))}${fraction}`;
}

const isUsd = (currency: string) => currency.toLowerCase() === "usd";

export function formatCents(cents: number, currency = "usd"): string {
  const usd = isUsd(currency) ? usdText(cents, cents % 100 !== 0) : null;
  return (
    usd ??
    numberFormat({
      style: "currency",
      currency: currency.toUpperCase(),
      minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    }).format(cents / 100)
  );
}

/** An exact sum, cents always shown ("$79.00" where the catalog says "$79"): refunds, reports. */
export function formatExactCents(cents: number | bigint, currency = "usd"): string {
  const usd = isUsd(currency) ? usdText(Number(cents), true) : null;
  return (
    usd ??
    numberFormat({ style: "currency", currency: currency.toUpperCase(), minimumFractionDigits: 2 }).format(
      Number(cents) / 100,
    )
  );
}

/** "10%" or "2.5%" for basis points. */
export function formatBps(bps: number): string {
  return `${scaledDecimal(bps, 2)}%`;
}
