import { Check } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import type { PublicCatalog, PublicTier } from "@/lib/catalog/public";
import { cn } from "@/lib/utils/cn";
import { formatCount } from "@/lib/utils/format";
import { monthlyCents, planHref, tierFeatureLines, type Interval } from "./billing";
import { IntervalLink, IntervalText } from "./interval-choice";

// Rendered on the server with both intervals' prices; ./interval-choice.tsx shows the picked one.
export function PlanCards({ tiers, features }: Pick<PublicCatalog, "tiers" | "features">) {
  return (
    <ul className="grid gap-6 sm:grid-cols-2 xl:grid-cols-4">
      {tiers.map((tier) => (
        <li key={tier.code} data-testid={`plan-${tier.code}`} className="min-w-0">
          <PlanCard tier={tier} lines={tierFeatureLines(tier, features)} />
        </li>
      ))}
    </ul>
  );
}

function billingNote(tier: PublicTier, interval: Interval) {
  if (tier.monthlyPriceCents === 0 && tier.annualPriceCents === 0) return "Always $0, no plan to pay for";
  if (interval === "year") return `billed ${formatCents(tier.annualPriceCents, tier.currency)} yearly`;
  return "billed monthly";
}

const byInterval = <T,>(make: (interval: Interval) => T): Record<Interval, T> => ({
  month: make("month"),
  year: make("year"),
});

function PlanCard({ tier, lines }: { tier: PublicTier; lines: string[] }) {
  const allowance = [
    `${formatCredits(BigInt(tier.includedMillicredits))} credits included every month`,
    `${formatCount(tier.dailyQuotaUnits)} quota units per day`,
    `${formatCount(tier.rateLimitPerMinute)} requests per minute`,
  ];
  return (
    <Card
      className={cn("flex h-full flex-col p-6", tier.mostPopular && "border-primary ring-1 ring-primary")}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-lg leading-tight font-semibold">{tier.name}</h3>
        {tier.mostPopular ? <Badge>Most popular</Badge> : null}
      </div>
      <p className="mt-2 text-sm text-muted-foreground">{tier.description}</p>
      <p className="mt-6 flex items-baseline gap-1">
        <IntervalText
          data-testid={`price-${tier.code}`}
          className="text-4xl font-bold tracking-tight"
          text={byInterval((interval) => formatCents(monthlyCents(tier, interval), tier.currency))}
        />
        <span className="text-sm text-muted-foreground">per month</span>
      </p>
      <p className="mt-1 text-sm text-muted-foreground">
        <IntervalText text={byInterval((interval) => billingNote(tier, interval))} />
      </p>
      {/* A plain link: /start is a route handler that redirects (and may open a checkout), never prefetched. */}
      <IntervalLink
        href={byInterval((interval) => planHref(tier.code, interval))}
        className={cn(buttonVariants({ variant: tier.mostPopular ? "default" : "outline" }), "mt-6 w-full")}
      >
        Choose {tier.name}
      </IntervalLink>
      <ul className="mt-6 space-y-2 text-sm" aria-label={`${tier.name} includes`}>
        {[...allowance, ...lines].map((line) => (
          <li key={line} className="flex items-start gap-2">
            <Check className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden />
            <span className="min-w-0">{line}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
