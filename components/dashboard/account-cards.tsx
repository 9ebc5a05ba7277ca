// The overview's top row: plan, balance and (for subscriptions) today's quota, plus the warnings.
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCredits } from "@/lib/catalog/money";
import { isBalanceLow } from "@/lib/billing/low-balance";
import { runwayLabel } from "@/lib/billing/runway";
import { refusalPaths } from "@/lib/metering/refusal-links";
import { quotaPercent, type workspaceOverview } from "@/lib/metering/reports";
import { formatCount } from "@/lib/utils/format";
import { QuotaCountdown } from "./quota-countdown";

type Overview = Awaited<ReturnType<typeof workspaceOverview>>;

const linkClass =
  "rounded-sm font-medium underline underline-offset-4 hover:text-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

export function AccountWarnings({ overview }: { overview: Overview }) {
  const { quota } = overview;
  const percent = quota ? quotaPercent(quota) : 0;
  return (
    <>
      {isBalanceLow(overview) ? (
        <Alert variant="warning">
          Your balance is low: {formatCredits(overview.balanceMillicredits)} credits left. Paid calls stop
          when it reaches zero.{" "}
          <Link href="/dashboard/credits#buy-credits" className={linkClass}>
            Buy credits
          </Link>
        </Alert>
      ) : null}
      {quota && percent >= 80 ? (
        <Alert variant="warning">
          You have used {Math.min(percent, 100)}% of today&apos;s quota ({formatCount(quota.used)} of{" "}
          {formatCount(quota.limit)} units). It resets at 00:00 UTC.{" "}
          {overview.overageEnabled ? (
            "Calls past it draw on your credits. "
          ) : (
            <>
              <Link href={refusalPaths.overage} className={linkClass}>
                Turn on overage
              </Link>{" "}
              to keep calls going on credits, or{" "}
            </>
          )}
          <Link href={refusalPaths.upgrade()} className={linkClass}>
            {overview.overageEnabled ? "Upgrade for a larger quota" : "upgrade for a larger quota"}
          </Link>
          .
        </Alert>
      ) : null}
    </>
  );
}

/** What the balance pays for, as metering decides it (lib/metering/charge.ts). */
function balanceUse({ accountType, overageEnabled }: Pick<Overview, "accountType" | "overageEnabled">) {
  if (accountType !== "subscription") return "Every paid call draws from it.";
  return overageEnabled
    ? "Paid calls draw from it once today's quota is used up: included credits first, then credits you bought."
    : "Not used past today's quota: you chose a hard stop in Settings, so those calls are refused until 00:00 UTC. Streamed chat calls still draw from it.";
}

export function AccountCards({
  overview,
  renderedAt,
  runway,
}: {
  overview: Overview;
  renderedAt: Date;
  /** Whole days the balance lasts at the last 7 days' rate (lib/billing/runway.ts); null: no paid usage. */
  runway: { days: number | null };
}) {
  const { tier, quota } = overview;
  return (
    <div className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
      <StatCard title="Plan" more={{ href: "/dashboard/billing", label: "Compare plans" }}>
        <p className="text-2xl font-semibold">{tier.name}</p>
        <p className="text-sm text-muted-foreground">
          {overview.accountType === "subscription"
            ? "Daily quota first, then credits"
            : "Pay as you go: no daily quota"}
        </p>
      </StatCard>
      <StatCard title="Balance" more={{ href: "/dashboard/credits", label: "Credit history" }}>
        <p className="text-2xl font-semibold tabular-nums">
          {formatCredits(overview.balanceMillicredits)} credits
        </p>
        <p className="text-sm text-muted-foreground">{balanceUse(overview)}</p>
        {runway.days !== null ? (
          <p className="text-sm" data-testid="runway">
            At the last 7 days&apos; rate your credits last {runwayLabel(runway.days)}.
          </p>
        ) : null}
      </StatCard>
      {quota ? (
        <StatCard title="Daily quota">
          <p className="text-2xl font-semibold tabular-nums">
            {formatCount(quota.used)}{" "}
            <span className="text-base font-normal text-muted-foreground">
              of {formatCount(quota.limit)} units
            </span>
          </p>
          <QuotaMeter used={quota.used} limit={quota.limit} />
          <QuotaCountdown resetsAt={quota.resetsAt.toISOString()} renderedAt={renderedAt.toISOString()} />
        </StatCard>
      ) : null}
    </div>
  );
}

function QuotaMeter({ used, limit }: { used: number; limit: number }) {
  const percent = Math.min(100, quotaPercent({ used, limit }));
  const tone = percent >= 100 ? "bg-destructive" : percent >= 80 ? "bg-warning" : "bg-primary";
  return (
    <div
      role="progressbar"
      aria-label="Daily quota used"
      aria-valuemin={0}
      aria-valuemax={limit}
      aria-valuenow={Math.min(used, limit)}
      aria-valuetext={`${formatCount(used)} of ${formatCount(limit)} units (${percent}%)`}
      className="h-2.5 w-full overflow-hidden rounded-full bg-muted ring-1 ring-border ring-inset"
    >
      <div className={`h-full rounded-full ${tone}`} style={{ width: `${percent}%` }} />
    </div>
  );
}

// Each card is a named region ("Balance", "Plan", ...) so its figure can be found by what it is.
function StatCard({
  title,
  more,
  children,
}: {
  title: string;
  /** A link under the figure to where it comes from. */
  more?: { href: string; label: string };
  children: ReactNode;
}) {
  const id = `stat-${title.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <Card role="region" aria-labelledby={id} className="flex flex-col">
      <CardHeader className="pb-3">
        <CardTitle id={id} className="text-base">
          {title}
        </CardTitle>
      </CardHeader>
      <CardContent className="grid flex-1 content-start gap-2">
        {children}
        {more ? (
          <CardDescription className="mt-1">
            <Link href={more.href} className={linkClass}>
              {more.label}
            </Link>
          </CardDescription>
        ) : null}
      </CardContent>
    </Card>
  );
}
