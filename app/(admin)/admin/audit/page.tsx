// GET /admin/audit — the audit log: filter, page and export entries; verify the hash chain; set retention.
import type { Metadata } from "next";
import { FilterDate, FilterSearch, FilterSelect } from "@/components/admin/filter-fields";
import { FormCard } from "@/components/admin/form-card";
import { AdminList } from "@/components/admin/admin-list";
import { filterParams } from "@/lib/admin/filters";
import {
  AUDIT_SORT_DEFAULT,
  auditFilterOptions,
  auditFilterParams,
  listAuditLog,
  parseAuditFilter,
  parseAuditSort,
} from "@/lib/audit/query";
import { retentionCutoff } from "@/lib/audit/retention";
import { requireAdmin } from "@/lib/auth/session";
import { getSettings } from "@/lib/settings/settings";
import { AdminPage } from "../../_components/admin-page";
import { PAGE_SIZE, formatDate, formatDateTime, parsePage } from "../../_components/format";
import { EntryChanges } from "./entry-changes";
import { RetentionForm } from "./retention-form";
import { VerifyChain } from "./verify-chain";

export const metadata: Metadata = { title: "Audit log" };

type Entry = Awaited<ReturnType<typeof listAuditLog>>["entries"][number];

export default async function AuditLogPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const params = await props.searchParams;
  const filter = parseAuditFilter(params);
  const sort = parseAuditSort(params);
  const [log, options, settings] = await Promise.all([
    listAuditLog(filter, parsePage(params.page), PAGE_SIZE, sort),
    auditFilterOptions(),
    getSettings(),
  ]);

  return (
    <AdminPage
      title="Audit log"
      description="Every admin change: who made it, when, and what it changed. Each entry is chained to the one before it by a hash."
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <FormCard
          title="Chain integrity"
          description="Recomputes every entry's hash. An edited or deleted entry breaks the chain from that point on."
        >
          <VerifyChain />
        </FormCard>
        <FormCard
          title="Retention"
          description={`Current cutoff: ${formatDate(retentionCutoff(settings.auditRetentionDays))}. Entries created before it are deleted by the nightly retention job.`}
        >
          <RetentionForm days={settings.auditRetentionDays} />
        </FormCard>
      </div>

      <AdminList<Entry>
        basePath="/admin/audit"
        filters={{
          label: "Filter audit entries",
          fields: (
            <>
              <FilterSearch
                id="audit-actor"
                name="actor"
                label="Actor email"
                value={filter.actor}
                className="sm:w-64"
              />
              <FilterSelect
                id="audit-action"
                name="action"
                label="Action"
                value={filter.action}
                className="sm:w-56"
              >
                <option value="">All actions</option>
                {options.actions.map((action) => (
                  <option key={action} value={action}>
                    {action}
                  </option>
                ))}
              </FilterSelect>
              <FilterSelect
                id="audit-target-type"
                name="targetType"
                label="Target type"
                value={filter.targetType}
                className="sm:w-48"
              >
                <option value="">All target types</option>
                {options.targetTypes.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </FilterSelect>
              <FilterSearch
                id="audit-target-id"
                name="targetId"
                label="Target ID"
                value={filter.targetId}
                className="sm:w-56"
              />
              <FilterDate id="audit-from" name="from" label="From (UTC)" value={filter.from} />
              <FilterDate id="audit-to" name="to" label="To (UTC)" value={filter.to} />
            </>
          ),
        }}
        params={filterParams(auditFilterParams(filter))}
        sort={{ current: sort, fallback: AUDIT_SORT_DEFAULT }}
        exportEndpoint="/api/admin/audit/export"
        exportFormats={["csv", "json"]}
        label="Audit entries, newest first"
        minWidth="56rem"
        paged={{ ...log, rows: log.entries }}
        rowKey={(entry) => entry.id}
        noun={["entry", "entries"]}
        empty={{
          retry: "Try another actor, action, target or date range.",
          title: "No audit entries yet",
          description: "Entries appear here as admins change tiers, settings, workspaces and payments.",
        }}
        columns={[
          {
            header: "Time",
            sortKey: "time",
            className: "whitespace-nowrap",
            cell: (entry) => formatDateTime(entry.createdAt),
          },
          {
            header: "Actor",
            sortKey: "actor",
            className: "break-all",
            cell: (entry) => entry.actorEmail ?? <span className="text-muted-foreground">System</span>,
          },
          {
            header: "Action",
            sortKey: "action",
            className: "font-mono text-xs whitespace-nowrap",
            cell: (entry) => entry.action,
          },
          {
            header: "Target",
            sortKey: "targetType",
            cell: (entry) => (
              <>
                <span className="font-mono text-xs">{entry.targetType}</span>
                {entry.targetId ? (
                  <span className="block font-mono text-xs break-all text-muted-foreground">
                    {entry.targetId}
                  </span>
                ) : null}
              </>
            ),
          },
          {
            header: "Changes",
            className: "min-w-64",
            cell: (entry) => (
              <EntryChanges seq={entry.seq.toString()} before={entry.before} after={entry.after} />
            ),
          },
          { header: "Seq", kind: "numeric", priority: "low", cell: (entry) => entry.seq.toString() },
        ]}
      />
    </AdminPage>
  );
}
