import { PagedTable, type PagedTableProps } from "@/components/ui/paged-table";
import { sectionHeading } from "./tab-props";

/** A tab's titled, paged table: the heading, the rows (or the empty state), and the pager. */
export function TabTable<Row>({
  id,
  title,
  tab,
  basePath,
  ...table
}: Omit<PagedTableProps<Row>, "pager"> & {
  id: string;
  title: string;
  /** The `?tab=` the pager keeps. */
  tab: string;
  basePath: string;
}) {
  return (
    <section className="grid gap-3" aria-labelledby={id}>
      <h2 id={id} className={sectionHeading}>
        {title}
      </h2>
      <PagedTable<Row> {...table} pager={{ basePath, params: { tab } }} />
    </section>
  );
}
