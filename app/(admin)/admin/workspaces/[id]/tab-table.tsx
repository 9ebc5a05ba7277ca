import { DataTable, type DataTableProps } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { sectionHeading } from "./tab-props";

type Paged<Row> = { rows: Row[]; total: number; page: number; pageCount: number };

/** A tab's titled, paged table: the heading, the rows (or the empty state), and the pager. */
export function TabTable<Row>({
  id,
  title,
  tab,
  basePath,
  paged,
  noun,
  ...table
}: Omit<DataTableProps<Row>, "rows"> & {
  id: string;
  title: string;
  /** The `?tab=` the pager keeps. */
  tab: string;
  basePath: string;
  paged: Paged<Row>;
  /** What a row is, singular and plural, for the pager ("entry", "entries"). */
  noun: [string, string];
}) {
  return (
    <section className="grid gap-3" aria-labelledby={id}>
      <h2 id={id} className={sectionHeading}>
        {title}
      </h2>
      <DataTable<Row> {...table} rows={paged.rows} />
      {paged.total > 0 ? (
        <Pagination
          basePath={basePath}
          params={{ tab }}
          page={paged.page}
          pageCount={paged.pageCount}
          total={paged.total}
          noun={paged.total === 1 ? noun[0] : noun[1]}
        />
      ) : null}
    </section>
  );
}
