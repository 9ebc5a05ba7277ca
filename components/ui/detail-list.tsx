import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/** A definition list of label/value pairs, two columns from small screens up. */
export function DetailList({ children }: { children: ReactNode }) {
  return <dl className="grid gap-4 text-sm sm:grid-cols-2">{children}</dl>;
}

// How a label and its value sit: label above value (in DetailList's two columns), label and value
// at either end of a line, or above each other on phones and in the list's grid columns from sm up.
const LAYOUTS = {
  stacked: { row: "grid gap-1", value: "font-medium" },
  spread: { row: "flex flex-wrap items-center justify-between gap-x-4 gap-y-1", value: "font-medium" },
  columns: { row: "grid gap-0.5 sm:contents", value: undefined },
} as const;

export function Detail({
  label,
  wide,
  layout = "stacked",
  children,
}: {
  label: string;
  /** Across both columns of a DetailList. */
  wide?: boolean;
  layout?: keyof typeof LAYOUTS;
  children: ReactNode;
}) {
  const { row, value } = LAYOUTS[layout];
  return (
    <div className={cn(row, wide && "sm:col-span-2")}>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className={cn("min-w-0 wrap-anywhere", value)}>{children}</dd>
    </div>
  );
}

export const linkClass =
  "rounded-sm text-primary underline underline-offset-4 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";
