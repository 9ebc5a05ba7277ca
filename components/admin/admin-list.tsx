import type { ReactNode } from "react";
import { FilterForm } from "@/components/forms/filter-form";
import { FilteredEmptyState } from "@/components/ui/empty-state";
import { PagedTable, type PagedTableProps } from "@/components/ui/paged-table";
import { sortParams as paramsOfSort, type Sort } from "@/lib/admin/list-sort";
import { ExportButtons } from "./export-buttons";

// The admin console's one list: filters (a GET form), an export of every matching row, a table
// sorted on the server by clicking a column header, and the pager. Filters and sort live in the
// URL; the pager and the export keep both, the filter form keeps the sort, a new sort starts at page 1.

type Props<Row> = Omit<PagedTableProps<Row>, "pager" | "sort" | "empty"> & {
  /** The page's path, e.g. /admin/users. */
  basePath: string;
  /** The filter form's name and fields. */
  filters: { label: string; fields: ReactNode };
  /** The filter values in force (blank ones dropped), kept on every link. */
  params: Record<string, string>;
  /** The sort in force; the default adds nothing to the URL. */
  sort: { current: Sort; fallback: Sort };
  /** The CSV export of every row matching the filters (lib/admin/exports.ts), if the list has one. */
  exportEndpoint?: string;
  exportFormats?: ("csv" | "json")[];
  /** The empty state without filters (with filters: "No <noun plural> match these filters" and `retry`). */
  empty: { title: string; description: string; retry?: string };
  /** Wraps the table, e.g. in a provider of notices about its rows. */
  around?: (table: ReactNode) => ReactNode;
};

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

export function AdminList<Row>({
  basePath,
  filters,
  params,
  sort,
  exportEndpoint,
  exportFormats,
  empty,
  around = (t) => t,
  ...table
}: Props<Row>) {
  const sortParams = paramsOfSort(sort.current, sort.fallback);
  const kept = { ...params, ...sortParams };
  const filtered = Object.keys(params).length > 0;
  return (
    <div className="grid gap-4">
      <FilterForm action={basePath} label={filters.label} active={filtered}>
        {filters.fields}
        {Object.entries(sortParams).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      </FilterForm>
      {exportEndpoint ? (
        <ExportButtons
          endpoint={exportEndpoint}
          query={query(kept)}
          formats={exportFormats}
          noun={table.noun}
        />
      ) : null}
      {around(
        <PagedTable<Row>
          {...table}
          empty={
            <FilteredEmptyState
              filtered={filtered}
              noun={table.noun[1]}
              retry={empty.retry ?? "Try another search or fewer filters."}
              title={empty.title}
              description={empty.description}
            />
          }
          sort={{
            current: sort.current,
            href: (key, dir) => `${basePath}?${query({ ...params, sort: key, dir })}`,
          }}
          pager={{ basePath, params: kept }}
        />,
      )}
    </div>
  );
}
