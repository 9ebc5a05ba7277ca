import { EmptyState } from "@/components/ui/empty-state";
import { PagedTable, type PagedTableProps } from "@/components/ui/paged-table";
import { sectionHeading } from "./tab-props";

/**
 * A tab's titled, paged table: the heading, the rows (or the empty state), and the pager (which
 * keeps the tab). Rows are keyed by their id.
 */
export function TabTable<Row extends { id: string }>({
  title,
  empty,
  ...table
}: Omit<PagedTableProps<Row>, "rowKey" | "empty"> & {
  title: string;
  /** What the empty state says when the workspace has no rows yet. */
  empty: { title: string; description?: string };
}) {
  const headingId = `${table.pager.params.tab}-table-title`;
  return (
    <section className="grid gap-3" aria-labelledby={headingId}>
      <h2 id={headingId} className={sectionHeading}>
        {title}
      </h2>
      <PagedTable<Row> {...table} rowKey={(row) => row.id} empty={<EmptyState {...empty} />} />
    </section>
  );
}
