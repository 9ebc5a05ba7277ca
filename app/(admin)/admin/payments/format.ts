import { formatExactCents } from "@/lib/catalog/money";
import type { PaymentProviderKind } from "@/lib/db";
import type { RefundQuote } from "@/lib/payments/refunds";

// A refund is about an exact sum, so cents always show ("$79.00", where the catalog says "$79").
export const formatAmount = (cents: number, currency = "usd") => formatExactCents(cents, currency);

/** What the confirmation says the refund is, in the admin's terms of the refund rule. */
export function refundSentence(quote: RefundQuote, currency: string) {
  const amount = formatAmount(quote.amountCents, currency);
  if (quote.basis === "full") return `Refund ${amount} in full (paid less than 24 hours ago).`;
  if (quote.basis === "time_left") return `Refund ${amount}, prorated for the time left in the period.`;
  return `Refund ${amount} for the unspent share of its credits.`;
}

export const PROVIDER_LABEL: Record<PaymentProviderKind, string> = {
  stripe: "Stripe",
  local: "Local",
  manual: "Manual",
};
