"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

export const DOCS_PAGES = [
  { href: "/docs", label: "Overview" },
  { href: "/docs/api", label: "API reference" },
  { href: "/docs/sdk/typescript", label: "TypeScript SDK" },
  { href: "/docs/sdk/python", label: "Python SDK" },
  { href: "/docs/sdk/react", label: "React components" },
  { href: "/docs/guides/metering-llm-calls", label: "Metering an LLM call" },
] as const;

// The docs' own navigation: a row of links that wraps on narrow screens (no sideways scrolling),
// the current page marked for sight and for screen readers.
export function DocsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Documentation" className="border-b">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 gap-y-1 px-4 py-3 sm:px-6">
        {DOCS_PAGES.map((page) => {
          const current = pathname === page.href;
          return (
            <li key={page.href}>
              <Link
                href={page.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex h-9 items-center rounded-md px-3 text-sm font-medium focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                  current
                    ? "bg-secondary text-secondary-foreground"
                    : "text-muted-foreground hover:bg-accent hover:text-accent-foreground",
                )}
              >
                {page.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
