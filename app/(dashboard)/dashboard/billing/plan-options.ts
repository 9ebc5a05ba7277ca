import { priceFor, quotePlanChange, type CurrentPlan, type PlanChangeQuote } from "@/lib/billing/plan-change";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import type { Tier } from "@/lib/db";
import { isExpectedError } from "@/lib/errors";
import { formatDate } from "@/lib/utils/format";

type Interval = "month" | "year";

/** One plan the subscriber can move to, with the exact quote spelled out before they confirm. */
export type PlanChangeOption = {
  key: string;
  tierCode: string;
  interval: Interval;
  /** The button that opens the confirm step ("Upgrade to Enterprise", "Switch to annual billing"). */
  label: string;
  /** The confirming submit button ("Yes, upgrade to Enterprise"). */
  confirmLabel: string;
  title: string;
  price: string;
  /** One line under the price: what happens when. */
  summary: string;
  /** The confirm step's statement of what is charged and when. */
  confirm: string;
};

export const intervalWord = (interval: Interval) => (interval === "year" ? "annual" : "monthly");

/** "Pro (annual)". */
export const planName = (tier: { name: string }, interval: Interval) =>
  `${tier.name} (${intervalWord(interval)})`;

function labelFor(current: CurrentPlan & { tier: Tier }, tier: Tier, interval: Interval) {
  if (tier.id === current.tier.id) return `Switch to ${intervalWord(interval)} billing`;
  const verb =
    tier.rank > current.tier.rank ? "Upgrade" : tier.rank < current.tier.rank ? "Downgrade" : "Switch";
  return `${verb} to ${tier.name}${interval === current.interval ? "" : ` (${intervalWord(interval)})`}`;
}

function confirmText(current: CurrentPlan & { tier: Tier }, quote: PlanChangeQuote<Tier>) {
  if (quote.when === "period_end")
    return `Starts on ${formatDate(quote.effectiveAt)}. Nothing is charged now; you keep ${planName(current.tier, current.interval)} until then.`;
  const money = (cents: number) => formatCents(cents, current.tier.currency);
  const credits =
    quote.grantMillicredits > 0n ? ` and get ${formatCredits(quote.grantMillicredits)} more credits` : "";
  // Monthly -> annual starts a new year today, so "prorated for the rest of this period" would be wrong.
  const why =
    quote.interval === current.interval
      ? "prorated for the rest of this period"
      : `${money(priceFor(quote.tier, quote.interval))} for a year from today, less ${money(quote.creditCents)} unused from this month`;
  return `You'll be charged ${money(quote.chargeCents)} now (${why})${credits}.`;
}

/**
 * Every public paid tier in both intervals except the current plan, quoted as of `now`. Changes the
 * quote refuses (an upgrade from annual to a monthly plan) are not offered.
 */
export function planChangeOptions(
  current: CurrentPlan & { tier: Tier },
  tiers: Tier[],
  now: Date,
): PlanChangeOption[] {
  const options: PlanChangeOption[] = [];
  for (const tier of tiers) {
    for (const interval of ["month", "year"] as const) {
      if (tier.id === current.tier.id && interval === current.interval) continue;
      let quote: PlanChangeQuote<Tier>;
      try {
        quote = quotePlanChange(current, { tier, interval }, now);
      } catch (e) {
        if (isExpectedError(e)) continue;
        throw e;
      }
      const label = labelFor(current, tier, interval);
      options.push({
        key: `${tier.code}:${interval}`,
        tierCode: tier.code,
        interval,
        label,
        confirmLabel: `Yes, ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
        title: planName(tier, interval),
        price: `${formatCents(priceFor(tier, interval), tier.currency)} a ${interval}`,
        summary:
          quote.when === "now"
            ? `Starts now, ${formatCents(quote.chargeCents, current.tier.currency)} charged today`
            : `Starts on ${formatDate(quote.effectiveAt)}, nothing charged now`,
        confirm: confirmText(current, quote),
      });
    }
  }
  return options;
}
