import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/** What an empty list shows instead of an empty table: what is missing, why, and what to do. */
export function EmptyState({
  title,
  description,
  icon,
  action,
  children,
  className,
  ...props
}: Omit<ComponentProps<"div">, "title"> & {
  title: string;
  /** One line on why it is empty or what fills it. */
  description?: ReactNode;
  /** A decorative lucide icon, e.g. <Inbox />. */
  icon?: ReactNode;
  /** A button or link that fills the list. */
  action?: ReactNode;
}) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "grid justify-items-center gap-2 rounded-lg border border-dashed bg-card px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      {icon ? (
        <div
          className="mb-1 flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-5"
          aria-hidden
        >
          {icon}
        </div>
      ) : null}
      <p className="font-medium">{title}</p>
      {description ? <div className="max-w-prose text-sm text-muted-foreground">{description}</div> : null}
      {children ? <div className="max-w-prose text-sm text-muted-foreground">{children}</div> : null}
      {action ? <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}

/** A filterable list's empty state: with filters on, that nothing matches them and what to try. */
export function FilteredEmptyState({
  filtered,
  noun,
  retry,
  ...empty
}: ComponentProps<typeof EmptyState> & {
  filtered: boolean;
  /** What the list holds, plural: "No <noun> match these filters". */
  noun: string;
  /** What to try instead, e.g. "Try another search or fewer filters." */
  retry: string;
}) {
  if (filtered) return <EmptyState title={`No ${noun} match these filters`} description={retry} />;
  return <EmptyState {...empty} />;
}
