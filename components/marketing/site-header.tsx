import Link from "next/link";
import { ThemeToggle } from "@/components/theme-toggle";
import { Button } from "@/components/ui/button";
import { Wordmark } from "./wordmark";

const sectionLinks = [
  { href: "/#features", label: "Features", show: "md:block" },
  { href: "/#how-it-works", label: "How it works", show: "md:block" },
  { href: "/pricing", label: "Pricing", show: "sm:block" },
];

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/80">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-2 px-4 sm:px-6">
        <Link
          href="/"
          className="-m-1 rounded-md p-1 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          <Wordmark />
        </Link>
        <div className="flex min-w-0 items-center gap-1 sm:gap-2">
          <nav aria-label="Main" className="flex items-center gap-1 sm:gap-2">
            {/* Section links are a convenience on wide screens; on phones the page is one scroll and the
                footer links to pricing (the header has no room for it beside sign in and sign up). */}
            <ul className="mr-2 hidden items-center gap-1 sm:flex">
              {sectionLinks.map((link) => (
                <li key={link.href} className={`hidden ${link.show}`}>
                  <Button
                    asChild
                    variant="ghost"
                    size="sm"
                    className="text-muted-foreground hover:text-foreground"
                  >
                    <Link href={link.href}>{link.label}</Link>
                  </Button>
                </li>
              ))}
            </ul>
            <Button asChild variant="ghost" size="sm">
              <Link href="/sign-in">Sign in</Link>
            </Button>
            <Button asChild size="sm">
              <Link href="/sign-up">Sign up</Link>
            </Button>
          </nav>
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
