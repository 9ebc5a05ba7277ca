import type { ReactNode } from "react";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";

type Props<T> = {
  label: string;
  minWidth: string;
  /** The first column's header (what a row is), then the right-aligned figure columns'. */
  columns: [ReactNode, ...string[]];
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
  columns: [first, ...figures],
  rows,
  rowKey,
  cells,
  labelClassName,
  empty,
}: Props<T>) {
  if (empty && rows.length === 0) return <EmptyState title={empty} />;
  return (
    <DataTable label={label} minWidth={minWidth}>
      <thead>
        <tr>
          <Th>{first}</Th>
          {figures.map((f) => (
            <Th key={f} className="text-right">
              {f}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const [head, ...rest] = cells(row, i);
          return (
            <tr key={rowKey(row)}>
              <Td className={labelClassName}>{head}</Td>
              {rest.map((cell, j) => (
                <Td key={j} className="text-right tabular-nums">
                  {cell}
                </Td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
