import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card, TitledCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { RecentActivity } from "@/lib/admin/overview";
import { auditTargetHref, describeAuditAction } from "@/lib/audit/describe";
import { formatDateTime } from "@/lib/utils/format";

export type Kpi = { label: string; value: string; hint?: string; href?: string };

const linkClass =
  "rounded-sm underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none";

/**
 * Headline figures, two or four to a row. A value's size follows its tile's width (container
 * units) and a long one wraps inside its tile, so tiles never overlap at any width.
 */
export function KpiTiles({ items }: { items: Kpi[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
      {items.map((k) => (
        <Card key={k.label} className="@container grid min-w-0 content-start gap-1 p-3 sm:p-5">
          <dt className="text-sm text-muted-foreground">{k.label}</dt>
          <dd className="text-[clamp(1.125rem,11cqi,1.875rem)] leading-tight font-semibold [overflow-wrap:anywhere] tabular-nums">
            {k.href ? (
              <Link
                href={k.href}
                className={linkClass}
                aria-label={`${k.value} ${k.label.toLowerCase()}, view list`}
              >
                {k.value}
              </Link>
            ) : (
              k.value
            )}
          </dd>
          {k.hint ? <dd className="text-xs text-muted-foreground">{k.hint}</dd> : null}
        </Card>
      ))}
    </dl>
  );
}

/** The latest audit entries in words: who did what, to what, when. */
export function ActivityFeed({ entries }: { entries: RecentActivity }) {
  return (
    <TitledCard title="Recent activity" description="The latest entries of the audit log.">
      {entries.length === 0 ? (
        <EmptyState title="Nothing has happened yet" />
      ) : (
        <ol className="divide-y rounded-md border">
          {entries.map((e) => {
            const href = auditTargetHref(e.targetType, e.targetId);
            return (
              <li key={e.id} className="grid gap-0.5 px-4 py-3 text-sm">
                <p className="[overflow-wrap:anywhere]">
                  <span className="font-medium">{e.actorEmail ?? "The system"}</span>{" "}
                  {describeAuditAction(e.action)}
                  {href ? (
                    <>
                      {" "}
                      <Link href={href} className={`${linkClass} text-primary underline`}>
                        (open {e.targetType})
                      </Link>
                    </>
                  ) : null}
                </p>
                <p className="text-muted-foreground">{formatDateTime(e.createdAt)}</p>
              </li>
            );
          })}
        </ol>
      )}
      <p className="mt-3 text-sm">
        <Link href="/admin/audit" className={`${linkClass} font-medium text-primary`}>
          Open the audit log
        </Link>
      </p>
    </TitledCard>
  );
}

const QUICK_ACTIONS = [
  { href: "/admin/payments?status=failed", label: "Failed payments" },
  { href: "/admin/users", label: "Find a user" },
  { href: "/admin/workspaces", label: "Find a workspace" },
  { href: "/admin/outbox?status=queued", label: "Queued emails" },
  { href: "/admin/catalog", label: "Edit the catalog" },
  { href: "/admin/coupons", label: "Coupons" },
  { href: "/admin/analytics", label: "Analytics" },
  { href: "/admin/audit", label: "Audit log" },
];

export function QuickActions() {
  return (
    <TitledCard title="Quick actions">
      <nav aria-label="Quick actions">
        <ul className="flex flex-wrap gap-2">
          {QUICK_ACTIONS.map((a) => (
            <li key={a.href}>
              <Link href={a.href} className={buttonVariants({ variant: "outline", size: "sm" })}>
                {a.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </TitledCard>
  );
}
