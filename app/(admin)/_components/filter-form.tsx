import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

// A plain GET form: filters live in the URL, so results can be shared, bookmarked and paged.
export function FilterForm({
  action,
  label,
  active,
  children,
}: {
  action: string;
  label: string;
  active: boolean;
  children: ReactNode;
}) {
  return (
    <form role="search" aria-label={label} action={action} className="flex flex-wrap items-end gap-3">
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
