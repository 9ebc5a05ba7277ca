import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { HealthBadge, healthEdge } from "@/components/admin/health-badge";
import { TitledCard } from "@/components/ui/card";
import { type HealthItem, worstLevel } from "@/lib/analytics/health-levels";
import { cn } from "@/lib/utils/cn";
import { runLedgerCheckAction } from "./actions";

const linkClass =
  "rounded-sm font-medium underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none";

/** The health panel: every check with its level, figure and what it means; the ledger check runs from here. */
export function HealthPanel({
  items,
  ledgerCheckedAt,
}: {
  items: HealthItem[];
  ledgerCheckedAt: string | null;
}) {
  const overall = worstLevel(items);
  return (
    <section aria-labelledby="overview-health">
      <TitledCard
        title={
          <span className="flex flex-wrap items-center gap-2">
            Health <HealthBadge level={overall} />
          </span>
        }
        titleId="overview-health"
        description="Measured now. Thresholds: database warning from 100 ms (critical 500 ms); job backlog warning from 100 waiting in a queue (critical 1,000); ledger check overdue after 36 hours."
        contentClassName="grid gap-3 sm:grid-cols-2"
      >
        {items.map((item) => (
          <div
            key={item.key}
            data-check={item.key}
            className={cn(
              "grid min-w-0 content-start gap-1.5 rounded-md border border-l-4 p-4",
              healthEdge[item.level],
            )}
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-sm font-medium">{item.label}</h3>
              <HealthBadge level={item.level} />
            </div>
            <p className="text-xl font-semibold [overflow-wrap:anywhere] tabular-nums">{item.value}</p>
            <p className="text-sm text-muted-foreground">{item.detail}</p>
            {item.key === "ledger-check" ? (
              <div className="grid gap-1 pt-1">
                {ledgerCheckedAt ? (
                  <p className="text-xs text-muted-foreground">Last run {ledgerCheckedAt}</p>
                ) : null}
                <ActionButton
                  action={runLedgerCheckAction}
                  fields={{}}
                  label="Run now"
                  pendingLabel="Checking every balance…"
                  ariaLabel="Run the ledger check now"
                />
              </div>
            ) : item.href ? (
              <Link href={item.href} className={cn(linkClass, "text-sm text-primary")}>
                {item.linkLabel ?? "Look closer"}
              </Link>
            ) : null}
          </div>
        ))}
      </TitledCard>
    </section>
  );
}
