import { Detail, DetailList } from "@/components/admin/detail-list";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { compTiers, workspaceSubscriptions } from "@/lib/admin/workspaces";
import { capitalize, formatDate, formatDateTime } from "@/lib/utils/format";
import { CompPlanForm } from "./comp-plan-form";
import { sectionHeading, type TabProps } from "./tab-props";

const intervalLabel = { month: "Monthly", year: "Annual" } as const;

export async function SubscriptionTab({ ws, page, basePath }: TabProps) {
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
              <Detail label="Status">{capitalize(live.status.replace("_", " "))}</Detail>
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

      <Card>
        <CardHeader>
          <CardTitle>Put on a comp plan</CardTitle>
          <CardDescription>
            A manual subscription the company grants for free. It replaces the current plan in Tollgate
            {live && live.provider === "stripe"
              ? "; cancel the Stripe subscription in Stripe too, or it keeps billing"
              : ""}
            .
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CompPlanForm workspaceId={ws.id} tiers={tiers} currentTier={live?.tier.code} />
        </CardContent>
      </Card>

      <section className="grid gap-3" aria-labelledby="subscription-history">
        <h2 id="subscription-history" className={sectionHeading}>
          History
        </h2>
        {history.total === 0 ? (
          <EmptyState title="No subscriptions yet" />
        ) : (
          <>
            <DataTable label="Subscriptions, newest first" minWidth="min-w-[48rem]">
              <thead>
                <tr>
                  <Th>Tier</Th>
                  <Th>Interval</Th>
                  <Th>Status</Th>
                  <Th>Provider</Th>
                  <Th>Period</Th>
                  <Th>Started</Th>
                  <Th>Canceled</Th>
                </tr>
              </thead>
              <tbody>
                {history.rows.map((s) => (
                  <tr key={s.id}>
                    <Td className="font-medium">{s.tier.name}</Td>
                    <Td>{intervalLabel[s.interval]}</Td>
                    <Td>
                      <Badge variant="outline">{capitalize(s.status.replace("_", " "))}</Badge>
                    </Td>
                    <Td>{capitalize(s.provider)}</Td>
                    <Td className="whitespace-nowrap">
                      {formatDate(s.currentPeriodStart)} – {formatDate(s.currentPeriodEnd)}
                    </Td>
                    <Td className="whitespace-nowrap">{formatDateTime(s.createdAt)}</Td>
                    <Td className="whitespace-nowrap">{s.canceledAt ? formatDateTime(s.canceledAt) : "—"}</Td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <Pagination
              basePath={basePath}
              params={{ tab: "subscription" }}
              page={history.page}
              pageCount={history.pageCount}
              total={history.total}
              noun={history.total === 1 ? "subscription" : "subscriptions"}
            />
          </>
        )}
      </section>
    </div>
  );
}
