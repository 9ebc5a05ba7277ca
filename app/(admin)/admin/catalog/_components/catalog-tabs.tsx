"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

const tabs = [
  { href: "/admin/catalog/tiers", label: "Tiers" },
  { href: "/admin/catalog/features", label: "Features" },
  { href: "/admin/catalog/models", label: "Models" },
  { href: "/admin/catalog/markups", label: "Markups" },
  { href: "/admin/catalog/packs", label: "Credit packs" },
];

// Links, not ARIA tabs: each section is its own page with its own URL.
export function CatalogTabs() {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Catalog sections" className="-mx-1 overflow-x-auto border-b">
      <ul className="flex min-w-max gap-1 px-1">
        {tabs.map((tab) => {
          const active = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex h-10 items-center rounded-t-md border-b-2 px-3 text-sm font-medium transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none focus-visible:ring-inset",
                  active
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
