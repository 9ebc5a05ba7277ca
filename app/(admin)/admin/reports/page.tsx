// GET /admin/reports — the printable analytics report of a range (and its PDF), and the scheduled report emails
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { ActionButton } from "@/components/forms/action-button";
import { Button } from "@/components/ui/button";
import { TitledCard } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PrintButton } from "@/components/ui/print-button";
import { parseRange, rangeQuery } from "@/lib/analytics/range";
import { reportFigures, reportSummary } from "@/lib/analytics/report-summary";
import { can } from "@/lib/auth/admin-roles";
import { requireAdmin } from "@/lib/auth/session";
import { creditsLabel, formatExactCents } from "@/lib/catalog/money";
import { listSchedules } from "@/lib/reports/schedules";
import { capitalize, formatCount, formatDateTime } from "@/lib/utils/format";
import { AdminPage } from "../../_components/admin-page";
import { rangeLabel } from "../analytics/format";
import { RangePicker } from "../analytics/range-picker";
import { deleteScheduleAction, runReportNowAction } from "./actions";
import { ScheduleForm } from "./schedule-form";

export const metadata: Metadata = { title: "Reports" };

type Schedule = Awaited<ReturnType<typeof listSchedules>>[number];

export default async function ReportsPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireAdmin();
  const range = parseRange(await props.searchParams);
  const [summary, schedules] = await Promise.all([reportSummary(range), listSchedules()]);
  const manage = can(admin.adminRole, "reports");

  return (
    <AdminPage
      title="Report"
      description={`${rangeLabel(range)} (${range.days} ${range.days === 1 ? "day" : "days"}, UTC)`}
      actions={
        <div className="flex flex-wrap gap-2 print:hidden">
          <PrintButton />
          <Button asChild variant="outline" size="sm">
            <a href={`/admin/reports/pdf?${rangeQuery(range)}`} download>
              Download PDF
            </a>
          </Button>
        </div>
      }
    >
      <div className="print:hidden">
        <RangePicker range={range} basePath="/admin/reports" />
      </div>

      <section aria-labelledby="report-figures" className="grid gap-3">
        <h2 id="report-figures" className="text-lg leading-tight font-semibold">
          Figures
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-2">
          {reportFigures(summary).map((f) => (
            <div
              key={f.label}
              className="grid min-w-0 break-inside-avoid gap-1 rounded-lg border bg-card p-4"
            >
              <dt className="text-sm text-muted-foreground">{f.label}</dt>
              <dd className="text-xl font-semibold break-words tabular-nums">{f.value}</dd>
              <dd className="text-xs text-muted-foreground">{f.means}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="grid min-w-0 gap-6 lg:grid-cols-2 print:grid-cols-1">
        <section aria-labelledby="report-workspaces" className="grid min-w-0 gap-3">
          <h2 id="report-workspaces" className="text-lg leading-tight font-semibold">
            Top workspaces
          </h2>
          <DataTable
            label="Top workspaces by money paid"
            rows={summary.topWorkspaces}
            rowKey={(w) => w.id}
            empty={<EmptyState title="No payments or usage in this range" />}
            columns={[
              { header: "Workspace", kind: "primary", className: "break-words", cell: (w) => w.name },
              { header: "Paid", kind: "money", cell: (w) => formatExactCents(w.paymentsCents) },
              { header: "Credits used", kind: "numeric", cell: (w) => creditsLabel(w.consumedMillicredits) },
            ]}
          />
        </section>
        <section aria-labelledby="report-models" className="grid min-w-0 gap-3">
          <h2 id="report-models" className="text-lg leading-tight font-semibold">
            Top models
          </h2>
          <DataTable
            label="Top models by credits charged"
            rows={summary.topModels}
            rowKey={(m) => m.modelKey}
            empty={<EmptyState title="No usage in this range" />}
            columns={[
              { header: "Model", kind: "primary", className: "break-all", cell: (m) => m.modelKey },
              { header: "Calls", kind: "numeric", cell: (m) => formatCount(m.calls) },
              { header: "Credits", kind: "numeric", cell: (m) => creditsLabel(m.revenueMillicredits) },
            ]}
          />
        </section>
      </div>

      <section aria-labelledby="report-schedules" className="grid gap-3 print:hidden">
        <h2 id="report-schedules" className="text-lg leading-tight font-semibold">
          Scheduled report emails
        </h2>
        <p className="text-sm text-muted-foreground">
          Each schedule emails the report of its last completed period (UTC) as a PDF, once per period.
        </p>
        <DataTable<Schedule>
          label="Report schedules"
          rows={schedules}
          rowKey={(s) => s.id}
          empty={<EmptyState title="No scheduled reports yet" />}
          columns={[
            { header: "How often", kind: "primary", cell: (s) => capitalize(s.frequency) },
            { header: "Recipients", className: "min-w-48 break-all", cell: (s) => s.recipients.join(", ") },
            {
              header: "Last sent",
              className: "whitespace-nowrap",
              cell: (s) =>
                s.runs[0] ? `${s.runs[0].period} · ${formatDateTime(s.runs[0].createdAt)}` : "Not yet",
            },
            ...(manage
              ? [
                  {
                    header: "Actions",
                    kind: "actions" as const,
                    cell: (s: Schedule) => (
                      <div className="flex flex-wrap items-start justify-end gap-2">
                        <ActionButton
                          action={runReportNowAction}
                          fields={{ id: s.id, requestKey: randomUUID() }}
                          label="Run now"
                          ariaLabel={`Run the ${s.frequency} report now`}
                          pendingLabel="Sending…"
                        />
                        <ConfirmButton
                          trigger="Delete"
                          triggerLabel={`Delete the ${s.frequency} report schedule`}
                          triggerSize="sm"
                          triggerVariant="outline"
                          title={`Delete the ${s.frequency} report?`}
                          description={`${s.recipients.join(", ")} will no longer receive it.`}
                          confirmLabel="Delete schedule"
                          pendingLabel="Deleting…"
                          action={deleteScheduleAction}
                          fields={{ id: s.id }}
                        />
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {manage ? (
          <TitledCard title="Schedule a report" description="Sent as a PDF attachment to each recipient.">
            <ScheduleForm defaultRecipient={admin.email} />
          </TitledCard>
        ) : null}
      </section>
    </AdminPage>
  );
}
