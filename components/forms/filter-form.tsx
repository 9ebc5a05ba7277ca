import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

// A plain GET form: filters live in the URL, so results can be shared, bookmarked and paged.
// "Clear" (back to `action` with no filters) shows while any filter is `active`.
export function FilterForm({
  action,
  label,
  active,
  className,
  children,
}: {
  action: string;
  label: string;
  active: boolean;
  /** The form's layout, instead of the default wrapping row. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <form
      role="search"
      aria-label={label}
      action={action}
      className={className ?? "flex flex-wrap items-end gap-3"}
    >
      {children}
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {active ? (
          <Button asChild variant="ghost">
            <Link href={action}>Clear</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
