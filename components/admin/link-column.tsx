import Link from "next/link";
import type { ReactNode } from "react";
import type { Column } from "@/components/ui/data-table";
import { linkClass } from "./detail-list";

/** An admin list's row-header column: each row's name, linking to the row's own page. */
export function linkColumn<Row>(
  header: string,
  href: (row: Row) => string,
  text: (row: Row) => ReactNode,
  className?: string,
): Column<Row> {
  return {
    header,
    kind: "primary",
    className,
    cell: (row) => (
      <Link href={href(row)} className={linkClass}>
        {text(row)}
      </Link>
    ),
  };
}
