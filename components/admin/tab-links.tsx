import Link from "next/link";
import { cn } from "@/lib/utils/cn";

export type TabLink = { key: string; label: string };

// Links, not ARIA tabs: each tab is its own server-rendered URL (`?tab=`), so it can be shared and
// paged. The bar scrolls within itself on a narrow screen instead of widening the page.
export function TabLinks({
  label,
  basePath,
  tabs,
  active,
}: {
  label: string;
  basePath: string;
  tabs: TabLink[];
  active: string;
}) {
  return (
    <nav aria-label={label} className="-mx-1 overflow-x-auto border-b">
      <ul className="flex min-w-max gap-1 px-1">
        {tabs.map((tab, i) => {
          const current = tab.key === active;
          return (
            <li key={tab.key}>
              <Link
                href={i === 0 ? basePath : `${basePath}?tab=${tab.key}`}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex h-10 items-center rounded-t-md border-b-2 px-3 text-sm font-medium transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none focus-visible:ring-inset",
                  current
                    ? "border-primary text-foreground"
                    : "border-transparent text-muted-foreground hover:text-foreground",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
