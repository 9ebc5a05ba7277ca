import Link from "next/link";
import { getCachedBranding } from "@/lib/branding/cached";
import { Wordmark } from "./wordmark";

const linkGroups = [
  {
    label: "Product",
    links: [
      { href: "/", label: "Home" },
      { href: "/#apps", label: "Apps" },
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

export async function SiteFooter() {
  const brand = await getCachedBranding();
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
          <p className="max-w-sm text-sm text-muted-foreground">{brand.subheadline || brand.headline}</p>
          {brand.supportEmail ? (
            <p className="text-sm text-muted-foreground">
              Support:{" "}
              <a
                href={`mailto:${brand.supportEmail}`}
                className="rounded-sm underline underline-offset-4 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              >
                {brand.supportEmail}
              </a>
            </p>
          ) : null}
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
        <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-2 px-4 py-6 text-sm text-muted-foreground sm:px-6">
          <p>&copy; {brand.legalName || brand.companyName}</p>
          {brand.poweredByTollgate ? <p data-testid="powered-by">Powered by Tollgate</p> : null}
        </div>
      </div>
    </footer>
  );
}
