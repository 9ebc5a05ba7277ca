// GET /admin/audit — the audit log: filter, page and export entries; verify the hash chain; set retention.
import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Pagination } from "@/components/ui/pagination";
import {
  auditFilterOptions,
  auditFilterParams,
  isFiltered,
  listAuditLog,
  parseAuditFilter,
} from "@/lib/audit/query";
import { retentionCutoff } from "@/lib/audit/retention";
import { requireAdmin } from "@/lib/auth/session";
import { getSettings } from "@/lib/settings/settings";
import { FilterForm } from "../../_components/filter-form";
import { PAGE_SIZE, formatDate, formatDateTime, parsePage } from "../../_components/format";
import { EntryChanges } from "./entry-changes";
import { ExportButtons } from "./export-buttons";
import { RetentionForm } from "./retention-form";
import { VerifyChain } from "./verify-chain";

export const metadata: Metadata = { title: "Audit log" };

const selectClass =
  "h-10 w-full rounded-md border border-input bg-background px-3 text-sm text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

export default async function AuditLogPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const params = await props.searchParams;
  const filter = parseAuditFilter(params);
  const query = auditFilterParams(filter);
  const [{ entries, total, page, pageCount }, options, settings] = await Promise.all([
    listAuditLog(filter, parsePage(params.page), PAGE_SIZE),
    auditFilterOptions(),
    getSettings(),
  ]);
  const filtered = isFiltered(filter);
  const exportQuery = new URLSearchParams(
    Object.entries(query).filter((kv): kv is [string, string] => Boolean(kv[1])),
  ).toString();

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-muted-foreground">
          Every admin change: who made it, when, and what it changed. Each entry is chained to the one before
          it by a hash.
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Chain integrity</CardTitle>
            <CardDescription>
              Recomputes every entry&apos;s hash. An edited or deleted entry breaks the chain from that point
              on.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <VerifyChain />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Retention</CardTitle>
            <CardDescription>
              Current cutoff: {formatDate(retentionCutoff(settings.auditRetentionDays))}. Entries created
              before it are deleted by the nightly retention job.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <RetentionForm days={settings.auditRetentionDays} />
          </CardContent>
        </Card>
      </div>

      <FilterForm action="/admin/audit" label="Filter audit entries" active={filtered}>
        <div className="grid w-full gap-2 sm:w-64">
          <Label htmlFor="audit-actor">Actor email</Label>
          <Input id="audit-actor" name="actor" type="search" defaultValue={filter.actor} autoComplete="off" />
        </div>
        <div className="grid w-full gap-2 sm:w-56">
          <Label htmlFor="audit-action">Action</Label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={selectClass}>
            <option value="">All actions</option>
            {options.actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div className="grid w-full gap-2 sm:w-48">
          <Label htmlFor="audit-target-type">Target type</Label>
          <select
            id="audit-target-type"
            name="targetType"
            defaultValue={filter.targetType ?? ""}
            className={selectClass}
          >
            <option value="">All target types</option>
            {options.targetTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div className="grid w-full gap-2 sm:w-56">
          <Label htmlFor="audit-target-id">Target ID</Label>
          <Input
            id="audit-target-id"
            name="targetId"
            type="search"
            defaultValue={filter.targetId}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="grid w-full gap-2 sm:w-44">
          <Label htmlFor="audit-from">From (UTC)</Label>
          <Input id="audit-from" name="from" type="date" defaultValue={filter.from} />
        </div>
        <div className="grid w-full gap-2 sm:w-44">
          <Label htmlFor="audit-to">To (UTC)</Label>
          <Input id="audit-to" name="to" type="date" defaultValue={filter.to} />
        </div>
      </FilterForm>

      <section aria-labelledby="audit-export-heading" className="grid gap-2">
        <h2 id="audit-export-heading" className="text-lg font-semibold">
          Export
        </h2>
        <p className="text-sm text-muted-foreground">
          Downloads every entry that matches the filters above, oldest first.
        </p>
        <ExportButtons query={exportQuery} />
      </section>

      {entries.length === 0 ? (
        <EmptyState title={filtered ? "No audit entries match these filters" : "No audit entries yet"}>
          <p>
            {filtered
              ? "Try another actor, action, target or date range."
              : "Entries appear here as admins change tiers, settings, workspaces and payments."}
          </p>
        </EmptyState>
      ) : (
        <>
          <DataTable label="Audit entries, newest first" minWidth="min-w-[56rem]">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Actor</Th>
                <Th>Action</Th>
                <Th>Target</Th>
                <Th>Changes</Th>
                <Th className="text-right">Seq</Th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(entry.createdAt)}</Td>
                  <Td className="break-all">
                    {entry.actorEmail ?? <span className="text-muted-foreground">System</span>}
                  </Td>
                  <Td className="font-mono text-xs whitespace-nowrap">{entry.action}</Td>
                  <Td>
                    <span className="font-mono text-xs">{entry.targetType}</span>
                    {entry.targetId ? (
                      <span className="block font-mono text-xs break-all text-muted-foreground">
                        {entry.targetId}
                      </span>
                    ) : null}
                  </Td>
                  <Td className="min-w-64">
                    <EntryChanges seq={entry.seq.toString()} before={entry.before} after={entry.after} />
                  </Td>
                  <Td className="text-right tabular-nums">{entry.seq.toString()}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Pagination
            basePath="/admin/audit"
            params={query}
            page={page}
            pageCount={pageCount}
            total={total}
            noun={total === 1 ? "entry" : "entries"}
          />
        </>
      )}
    </div>
  );
}
