"use client";

import { formatCredits } from "@/lib/catalog/money";
import { describeSteps, describeWindow, scheduleFor, type RuleBook } from "@/lib/catalog/price-rules";
import { priceCall } from "@/lib/catalog/pricing";
import type { PublicModel, PublicTier } from "@/lib/catalog/public";

type Props = {
  book: RuleBook;
  models: PublicModel[];
  tier: PublicTier | undefined;
  defaultMarkupBps: number;
  now: Date;
};

const unitLabel = (m: PublicModel) => (m.unit === "token" ? "1K in + 1K out tokens" : m.unit);

/**
 * The dynamic pricing of the chosen models on pay as you go: the price now (with the time-of-day
 * multiplier in force) and the schedule — UTC windows and monthly volume steps.
 */
export function PricingRulesNote({ book, models, tier, defaultMarkupBps, now }: Props) {
  const rows = models.flatMap((m) => {
    const schedule = scheduleFor(book, m.key, tier?.code ?? "", now);
    if (m.free || (schedule.windows.length === 0 && !schedule.volume)) return [];
    const usage = m.unit === "token" ? { inputTokens: 1000, outputTokens: 1000 } : { quantity: 1 };
    const priced = {
      ...m,
      costPerUnitMicros: BigInt(m.costPerUnitMicros),
      inputCostPer1kMicros: BigInt(m.inputCostPer1kMicros),
      outputCostPer1kMicros: BigInt(m.outputCostPer1kMicros),
    };
    const price = (multiplierBps?: number) =>
      priceCall({
        model: priced,
        usage,
        tierMarkupBps: tier?.markupBps ?? null,
        defaultMarkupBps,
        multiplierBps,
      }).millicredits;
    return [{ m, schedule, now: price(schedule.multiplierBps), list: price() }];
  });
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="pricing-rules-title" className="grid gap-2 rounded-lg border p-4 text-sm">
      <h3 id="pricing-rules-title" className="font-medium">
        Dynamic pricing of these models
      </h3>
      <ul className="grid gap-3">
        {rows.map(({ m, schedule, now: priceNow, list }) => (
          <li key={m.key} className="grid gap-1">
            <span>
              <span className="font-medium">{m.name}</span>: {formatCredits(priceNow)} credits per{" "}
              {unitLabel(m)} now
              {priceNow !== list
                ? ` (list ${formatCredits(list)}, ${schedule.multiplierBps / 10_000}x now)`
                : ""}
              .
            </span>
            {schedule.windows.length ? (
              <span className="text-muted-foreground">
                Time of day: {schedule.windows.map(describeWindow).join("; ")}.
              </span>
            ) : null}
            {schedule.volume ? (
              <span className="text-muted-foreground">
                Volume this month: {describeSteps(schedule.volume.steps)} (
                {m.unit === "token" ? "tokens in + out" : `${m.unit}s`}).
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
