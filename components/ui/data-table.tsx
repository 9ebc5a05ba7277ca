import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  TableRowHead,
  type TableLayout,
} from "./table";

// A Table from column definitions: each column's header also labels its cells when rows stack
// into cards, so a list cannot forget to. Server components can pass `cell` functions freely.

export type Column<Row> = {
  /** Column header; also each cell's label when rows stack into cards. */
  header: string;
  /** Hides the header visually (it still names the column and labels the cards). */
  hideHeader?: boolean;
  cell: (row: Row, index: number) => ReactNode;
  /**
   * "primary": the row's header cell (<th scope="row">), the card's title when rows stack; "numeric": right-aligned
   * tabular figures (counts); "money": the same for amounts of money or credits, marked data-money;
   * "actions": the row's buttons, pinned to the right edge.
   */
  kind?: "primary" | "numeric" | "money" | "actions";
  /** "low": steps aside on mid-width containers. Never for money or actions. */
  priority?: "low";
  /** Classes for this column's cells (and its header with `headerClassName`). */
  className?: string;
  headerClassName?: string;
  /** The list's sort key for this column (whitelisted by its list): the header becomes a sort link. */
  sortKey?: string;
};

/** A list sorted on the server: the sort in force and the URL of another one. */
export type TableSort = {
  current: { key: string; dir: "asc" | "desc" };
  href: (key: string, dir: "asc" | "desc") => string;
};

export type DataTableProps<Row> = {
  /** Names the table and its scroll region. */
  label: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows, e.g. an <EmptyState>. */
  empty?: ReactNode;
  layout?: TableLayout;
  /** Below this width the middle scrolls sideways (the actions column stays pinned). */
  minWidth?: string;
  rowClassName?: (row: Row) => string | undefined;
  /** Server-side sorting: columns with a `sortKey` link to it (a second click reverses it). */
  sort?: TableSort;
};

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/** A column header that sorts the list: the current column says its direction, a click reverses it. */
function SortHeader({ header, sortKey, sort }: { header: string; sortKey: string; sort: TableSort }) {
  const active = sort.current.key === sortKey;
  const next = active && sort.current.dir === "asc" ? "desc" : "asc";
  const Icon = !active ? ArrowUpDown : sort.current.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <Link
      href={sort.href(sortKey, next)}
      className="inline-flex items-center gap-1 rounded-sm underline-offset-4 hover:text-foreground hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      {header}
      <Icon aria-hidden className={active ? "size-3.5 text-foreground" : "size-3.5 opacity-50"} />
      <span className="sr-only">, sort {next === "asc" ? "ascending" : "descending"}</span>
    </Link>
  );
}

export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  empty,
  layout,
  minWidth,
  rowClassName,
  sort,
}: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <Table label={label} layout={layout} minWidth={minWidth}>
      <TableHeader>
        <TableRow>
          {columns.map((col) => (
            <TableHead
              key={col.header}
              numeric={col.kind === "numeric"}
              money={col.kind === "money"}
              actions={col.kind === "actions"}
              priority={col.priority}
              className={col.headerClassName}
              aria-sort={
                sort && col.sortKey && sort.current.key === col.sortKey
                  ? ARIA_SORT[sort.current.dir]
                  : undefined
              }
            >
              {col.hideHeader ? (
                <span className="sr-only">{col.header}</span>
              ) : sort && col.sortKey ? (
                <SortHeader header={col.header} sortKey={col.sortKey} sort={sort} />
              ) : (
                col.header
              )}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row, i) => (
          <TableRow key={rowKey(row)} className={rowClassName?.(row)}>
            {columns.map((col) =>
              col.kind === "primary" ? (
                <TableRowHead key={col.header} className={col.className}>
                  {col.cell(row, i)}
                </TableRowHead>
              ) : (
                <TableCell
                  key={col.header}
                  label={col.header}
                  numeric={col.kind === "numeric"}
                  money={col.kind === "money"}
                  actions={col.kind === "actions"}
                  priority={col.priority}
                  className={col.className}
                >
                  {col.cell(row, i)}
                </TableCell>
              ),
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
