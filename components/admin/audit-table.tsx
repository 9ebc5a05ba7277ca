import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
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
  if (entries.length === 0) return <EmptyState title={emptyTitle} />;
  return (
    <DataTable label={label} minWidth="min-w-[52rem]">
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>Action</Th>
          <Th>Actor</Th>
          <Th>Target</Th>
          <Th>Change</Th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const before = summary(entry.before);
          const after = summary(entry.after);
          return (
            <tr key={entry.id}>
              <Td className="whitespace-nowrap">{formatDateTime(entry.createdAt)}</Td>
              <Td className="font-mono text-xs whitespace-nowrap">{entry.action}</Td>
              <Td className="break-all">
                {entry.actorEmail ?? <span className="text-muted-foreground">System</span>}
              </Td>
              <Td className="text-xs whitespace-nowrap">
                {entry.targetType}
                {entry.targetId ? (
                  <span className="block font-mono text-muted-foreground">{entry.targetId}</span>
                ) : null}
              </Td>
              <Td className="max-w-md min-w-64 font-mono text-xs break-all">
                {before ? <span className="block text-muted-foreground">before {before}</span> : null}
                {after ? <span className="block">after {after}</span> : null}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
