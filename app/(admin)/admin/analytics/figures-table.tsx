import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";

type Props<T> = {
  label: string;
  minWidth: string;
  /** The first column's header (what a row is), then the right-aligned figure columns'. */
  columns: [string, ...string[]];
  rows: T[];
  rowKey: (row: T) => string | number;
  /** The row's label cell, then one cell per figure column. */
  cells: (row: T, index: number) => ReactNode[];
  /** Classes for the label cell (a model key in mono, a tier name in bold). */
  labelClassName?: string;
  /** Shown instead of the table when there are no rows; without it an empty table renders. */
  empty?: string;
};

/** The dashboard's tables: one label column, then figures aligned right so digits line up. */
export function FiguresTable<T>({
  label,
  minWidth,
  columns,
  rows,
  rowKey,
  cells,
  labelClassName,
  empty,
}: Props<T>) {
  return (
    <DataTable<T>
      label={label}
      minWidth={minWidth}
      rows={rows}
      rowKey={(row) => String(rowKey(row))}
      empty={empty ? <EmptyState title={empty} /> : undefined}
      columns={columns.map((header, j) => ({
        header,
        kind: j === 0 ? "primary" : "numeric",
        className: j === 0 ? labelClassName : undefined,
        cell: (row: T, i: number) => cells(row, i)[j],
      }))}
    />
  );
}
