import Link from "next/link";
import { Wordmark } from "./wordmark";

const linkGroups = [
  {
    label: "Product",
    links: [
      { href: "/", label: "Home" },
      { href: "/#features", label: "Features" },
      { href: "/#how-it-works", label: "How it works" },
      { href: "/pricing", label: "Pricing" },
      { href: "/docs/api", label: "API docs" },
    ],
  },
  {
    label: "Account",
    links: [
      { href: "/sign-up", label: "Sign up" },
      { href: "/sign-in", label: "Sign in" },
      { href: "/dashboard", label: "Dashboard" },
    ],
  },
];

export function SiteFooter() {
  return (
    <footer className="border-t bg-muted/40">
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-12 sm:px-6 md:grid-cols-[2fr_1fr_1fr]">
        <div className="min-w-0 space-y-3">
          <Link
            href="/"
            className="-m-1 inline-flex rounded-md p-1 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          >
            <Wordmark />
          </Link>
          <p className="max-w-sm text-sm text-muted-foreground">
            Self-hosted plans, prepaid credits, metering and payments for AI software companies. Your apps
            ask, Tollgate decides, charges and records — in one transaction, on your own PostgreSQL.
          </p>
        </div>
        {linkGroups.map((group) => (
          <nav key={group.label} aria-label={group.label} className="min-w-0">
            <p className="text-sm font-semibold">{group.label}</p>
            <ul className="mt-3 space-y-2">
              {group.links.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    className="rounded-sm text-sm text-muted-foreground underline-offset-4 hover:text-foreground hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ))}
      </div>
      <div className="border-t">
        <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-muted-foreground sm:px-6">
          &copy; Tollgate. Billing and metering for AI apps, self-hosted.
        </p>
      </div>
    </footer>
  );
}
