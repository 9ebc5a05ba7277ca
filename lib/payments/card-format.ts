// How the card inputs format what is typed (client-side; the server parses with lib/payments/cards.ts).

/** "4242424242424242" -> "4242 4242 4242 4242" (16 digits at most). */
export function formatCardNumber(input: string) {
  return (
    input
      .replace(/\D/g, "")
      .slice(0, 16)
      .match(/.{1,4}/g) ?? []
  ).join(" ");
}

/**
 * The expiry as "MM / YY" while typing: "4" -> "04 / ", "12" -> "12 / ", "1230" -> "12 / 30". A
 * deletion (`next` shorter than `previous`) is never padded back, so backspace works through the slash.
 */
export function formatExpiry(next: string, previous = "") {
  let digits = next.replace(/\D/g, "").slice(0, 4);
  if (/^[2-9]$/.test(digits)) digits = `0${digits}`;
  if (digits.length < 2) return digits;
  const month = digits.slice(0, 2);
  const year = digits.slice(2);
  if (year) return `${month} / ${year}`;
  return next.length < previous.length ? month : `${month} / `;
}
