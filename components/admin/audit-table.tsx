import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import type { Prisma } from "@/lib/db";
import { formatDateTime } from "@/lib/utils/format";

type Entry = {
  id: string;
  action: string;
  actorEmail: string | null;
  targetType: string;
  targetId: string | null;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  createdAt: Date;
};

// Long snapshots (a whole subscription row) would stretch the table; the audit log has the rest.
function summary(value: Prisma.JsonValue) {
  if (value === null) return null;
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/** Audit entries newest first: when, what, who, which thing, and what changed. */
export function AuditTable({
  label,
  entries,
  emptyTitle,
}: {
  label: string;
  entries: Entry[];
  emptyTitle: string;
}) {
  return (
    <DataTable<Entry>
      label={label}
      minWidth="52rem"
      rows={entries}
      rowKey={(entry) => entry.id}
      empty={<EmptyState title={emptyTitle} />}
      columns={[
        { header: "Time", className: "whitespace-nowrap", cell: (entry) => formatDateTime(entry.createdAt) },
        { header: "Action", className: "font-mono text-xs whitespace-nowrap", cell: (entry) => entry.action },
        {
          header: "Actor",
          className: "break-all",
          cell: (entry) => entry.actorEmail ?? <span className="text-muted-foreground">System</span>,
        },
        {
          header: "Target",
          className: "text-xs whitespace-nowrap",
          cell: (entry) => (
            <>
              {entry.targetType}
              {entry.targetId ? (
                <span className="block font-mono text-muted-foreground">{entry.targetId}</span>
              ) : null}
            </>
          ),
        },
        {
          header: "Change",
          className: "max-w-md min-w-64 font-mono text-xs break-all",
          cell: (entry) => {
            const before = summary(entry.before);
            const after = summary(entry.after);
            return (
              <>
                {before ? <span className="block text-muted-foreground">before {before}</span> : null}
                {after ? <span className="block">after {after}</span> : null}
              </>
            );
          },
        },
      ]}
    />
  );
}

/** An "Audit log" section of a detail page: the entries about one thing, paged. */
export function AuditSection({
  description,
  label,
  emptyTitle,
  audit,
  basePath,
  params,
}: {
  description?: string;
  label: string;
  emptyTitle: string;
  audit: { rows: Entry[]; total: number; page: number; pageCount: number };
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  return (
    <section className="grid gap-3" aria-labelledby="audit-log">
      <h2 id="audit-log" className="text-lg leading-tight font-semibold">
        Audit log
      </h2>
      {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      <AuditTable label={label} entries={audit.rows} emptyTitle={emptyTitle} />
      {audit.total > 0 ? (
        <Pagination
          basePath={basePath}
          params={params}
          page={audit.page}
          pageCount={audit.pageCount}
          total={audit.total}
          noun={audit.total === 1 ? "entry" : "entries"}
        />
      ) : null}
    </section>
  );
}
