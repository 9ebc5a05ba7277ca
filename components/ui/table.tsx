import type { ComponentProps, CSSProperties } from "react";
import { cn } from "@/lib/utils/cn";

// The one table. Its box scrolls sideways inside itself (focusable and named, so keyboard users
// can scroll it too) and never widens the page. In the "cards" layout (the default), a container
// narrower than 40rem shows each row as a card whose cells carry their column's name (`label`);
// the cell marked `actions` stays pinned to the right edge at every other width, and cells marked
// `priority="low"` step aside on mid-width containers. The rules live in app/globals.css
// (.ui-table), since they must beat the cells' desktop classes.

export type TableLayout = "cards" | "scroll";

type TableProps = ComponentProps<"table"> & {
  /** Names the scroll region and, as the caption, the table. */
  label: string;
  /** "cards": rows stack into labelled cards below 40rem. "scroll": always a table (matrices). */
  layout?: TableLayout;
  /** The width below which the middle of the table scrolls sideways, e.g. "52rem". */
  minWidth?: string;
  /** Shows the caption instead of keeping it for screen readers only. */
  showCaption?: boolean;
};

export function Table({
  label,
  layout = "cards",
  minWidth = "40rem",
  showCaption = false,
  className,
  style,
  children,
  ...props
}: TableProps) {
  return (
    <div data-slot="table-container" className="ui-table-container">
      <div
        role="region"
        aria-label={label}
        tabIndex={0}
        className="ui-table-scroll relative overflow-x-auto rounded-lg border bg-card focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <table
          data-slot="table"
          data-layout={layout}
          className={cn("ui-table w-full border-collapse text-left text-sm", className)}
          style={{ "--table-min-width": minWidth, ...style } as CSSProperties}
          {...props}
        >
          <caption className={showCaption ? "px-4 py-3 text-left font-medium" : "sr-only"}>{label}</caption>
          {children}
        </table>
      </div>
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={className} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return (
    <tbody data-slot="table-body" className={cn("[&>tr:last-child>*]:border-b-0", className)} {...props} />
  );
}

export function TableFooter({ className, ...props }: ComponentProps<"tfoot">) {
  return <tfoot data-slot="table-footer" className={cn("bg-muted/50 font-medium", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr data-slot="table-row" className={className} {...props} />;
}

type CellOptions = {
  /** Right-aligned, tabular figures: amounts, counts. Never hidden. */
  numeric?: boolean;
  /** An amount of money or credits: numeric, and marked so checks can find it (data-money). */
  money?: boolean;
  /** The row's actions: pinned to the right edge while the rest scrolls. */
  actions?: boolean;
  /** Hidden on mid-width containers so that actions and money keep their room. Text columns only. */
  priority?: "low";
};

export function TableHead({
  className,
  numeric,
  money,
  actions,
  priority,
  ...props
}: ComponentProps<"th"> & CellOptions) {
  return (
    <th
      data-slot="table-head"
      scope="col"
      data-actions={actions || undefined}
      data-money={money || undefined}
      data-priority={priority}
      className={cn(
        "border-b bg-muted px-4 py-3 font-medium whitespace-nowrap text-muted-foreground",
        (numeric || money || actions) && "text-right",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({
  className,
  label,
  numeric,
  money,
  actions,
  priority,
  ...props
}: ComponentProps<"td"> &
  CellOptions & {
    /** The column's name, shown beside the value when rows stack into cards. */
    label?: string;
  }) {
  return (
    <td
      data-slot="table-cell"
      data-label={actions ? undefined : label || undefined}
      data-actions={actions || undefined}
      data-money={money || undefined}
      data-priority={priority}
      className={cn(
        "border-b px-4 py-3 align-top",
        (numeric || money) && "text-right whitespace-nowrap tabular-nums",
        actions && "bg-card text-right",
        className,
      )}
      {...props}
    />
  );
}

/** A row's header cell (the thing the row is about); in cards it is the card's title. */
export function TableRowHead({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      data-slot="table-row-head"
      scope="row"
      className={cn("border-b px-4 py-3 text-left align-top font-medium", className)}
      {...props}
    />
  );
}
