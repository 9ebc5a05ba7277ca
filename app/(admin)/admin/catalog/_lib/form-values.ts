import { creditsString } from "@/lib/catalog/money";

// Stored integers back into what a person types in a form (the schemas parse them again).

/** 2999 → "29.99", 1900 → "19". */
export const centsToInput = (cents: number) =>
  cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);

/** 5_000_000n → "5000" (no thousands separators). */
export const millicreditsToInput = (millicredits: bigint) => creditsString(millicredits);

/** 1000 → "10"; null → "" (blank means "inherit"). */
export const bpsToInput = (bps: number | null) => (bps === null ? "" : String(bps / 100));

/** A typed dollar amount to cents, or null while it isn't one yet. */
export function inputToCents(text: string): number | null {
  const t = text.trim();
  return /^\d{1,7}(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : null;
}
