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
};

export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  empty,
  layout,
  minWidth,
  rowClassName,
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
            >
              {col.hideHeader ? <span className="sr-only">{col.header}</span> : col.header}
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
