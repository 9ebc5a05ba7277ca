import { DataTable, type DataTableProps } from "./data-table";
import { Pagination } from "./pagination";

/** One page of a list, as the list functions return it. */
export type Paged<Row> = { rows: readonly Row[]; total: number; page: number; pageCount: number };

export type PagedTableProps<Row> = Omit<DataTableProps<Row>, "rows"> & {
  paged: Paged<Row>;
  /** What a row is, singular and plural, for the pager ("entry", "entries"). */
  noun: [string, string];
  /** Where the pager's links go: the page's path and the filters (or tab) they keep. */
  pager: { basePath: string; params: Record<string, string | undefined> };
};

/** A DataTable of one page of rows, then (when the list has any) the pager. */
export function PagedTable<Row>({ paged, noun, pager, ...table }: PagedTableProps<Row>) {
  return (
    <>
      <DataTable<Row> {...table} rows={paged.rows} />
      {paged.total > 0 ? (
        <Pagination
          {...pager}
          page={paged.page}
          pageCount={paged.pageCount}
          total={paged.total}
          noun={paged.total === 1 ? noun[0] : noun[1]}
        />
      ) : null}
    </>
  );
}
