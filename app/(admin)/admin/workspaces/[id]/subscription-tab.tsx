import { Detail, DetailList } from "@/components/admin/detail-list";
import { StatusBadge, statusLabel } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, TitledCard } from "@/components/ui/card";
import { compTiers, workspaceSubscriptions } from "@/lib/admin/workspaces";
import { capitalize, formatDate, formatDateTime } from "@/lib/utils/format";
import { CompPlanForm } from "./comp-plan-form";
import type { TabProps } from "./tab-props";
import { TabTable } from "./tab-table";

type Sub = Awaited<ReturnType<typeof workspaceSubscriptions>>["rows"][number];

const intervalLabel = { month: "Monthly", year: "Annual" } as const;

export async function SubscriptionTab({ ws, page, pager, may }: TabProps) {
  const [history, tiers] = await Promise.all([workspaceSubscriptions(ws.id, page), compTiers()]);
  const live = ws.subscriptions[0];
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Current plan</CardTitle>
          {live ? null : (
            <CardDescription>No paid subscription: the workspace is on the free tier.</CardDescription>
          )}
        </CardHeader>
        {live ? (
          <CardContent>
            <DetailList>
              <Detail label="Tier">{live.tier.name}</Detail>
              <Detail label="Interval">{intervalLabel[live.interval]}</Detail>
              <Detail label="Status">{statusLabel(live.status)}</Detail>
              <Detail label="Provider">
                {live.provider === "manual" ? "Manual (comp)" : capitalize(live.provider)}
              </Detail>
              <Detail label="Current period">
                {formatDate(live.currentPeriodStart)} – {formatDate(live.currentPeriodEnd)}
              </Detail>
              <Detail label="Renewal">{live.cancelAtPeriodEnd ? "Ends at period end" : "Renews"}</Detail>
              {live.scheduledTier ? (
                <Detail label="Scheduled change">{`${live.scheduledTier.name} at period end`}</Detail>
              ) : null}
              {live.pastDueAt ? (
                <Detail label="Past due since">{formatDateTime(live.pastDueAt)}</Detail>
              ) : null}
            </DetailList>
          </CardContent>
        ) : null}
      </Card>

      {may.workspaces ? (
        <TitledCard
          title="Put on a comp plan"
          description={
            <>
              A manual subscription the company grants for free. It replaces the current plan in Tollgate{" "}
              {live && live.provider === "stripe"
                ? "; cancel the Stripe subscription in Stripe too, or it keeps billing"
                : ""}{" "}
              .
            </>
          }
        >
          <CompPlanForm workspaceId={ws.id} tiers={tiers} currentTier={live?.tier.code} />
        </TitledCard>
      ) : null}

      <TabTable<Sub>
        title="History"
        pager={pager}
        paged={history}
        noun={["subscription", "subscriptions"]}
        label="Subscriptions, newest first"
        minWidth="48rem"
        empty={{ title: "No subscriptions yet" }}
        columns={[
          { header: "Tier", kind: "primary", cell: (s) => s.tier.name },
          { header: "Interval", cell: (s) => intervalLabel[s.interval] },
          { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
          { header: "Provider", cell: (s) => capitalize(s.provider) },
          {
            header: "Period",
            className: "whitespace-nowrap",
            cell: (s) => `${formatDate(s.currentPeriodStart)} – ${formatDate(s.currentPeriodEnd)}`,
          },
          { header: "Started", className: "whitespace-nowrap", cell: (s) => formatDateTime(s.createdAt) },
          {
            header: "Canceled",
            className: "whitespace-nowrap",
            cell: (s) => (s.canceledAt ? formatDateTime(s.canceledAt) : "—"),
          },
        ]}
      />
    </div>
  );
}
