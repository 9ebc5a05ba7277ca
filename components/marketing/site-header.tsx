import Link from "next/link";
import { ThemeToggle } from "@/components/theme-toggle";
import { Button } from "@/components/ui/button";
import { SiteMenu } from "./site-menu";
import { Wordmark } from "./wordmark";

const sectionLinks = [
  { href: "/#apps", label: "Apps" },
  { href: "/pricing", label: "Pricing" },
  { href: "/docs/api", label: "API docs" },
];

const homeLinkClass =
  "-m-1 min-w-0 rounded-md p-1 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/80">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-2 px-4 sm:px-6">
        <Link href="/" className={homeLinkClass}>
          <Wordmark />
        </Link>
        <div className="flex shrink-0 items-center gap-1 sm:gap-2">
          <nav aria-label="Main" className="hidden items-center gap-1 sm:flex sm:gap-2">
            <ul className="mr-2 flex items-center gap-1">
              {sectionLinks.map((link) => (
                <li key={link.href}>
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
          {/* Phones: sign up stays one tap away; everything else is in the menu. */}
          <Button asChild size="sm" className="sm:hidden">
            <Link href="/sign-up">Sign up</Link>
          </Button>
          <ThemeToggle />
          <SiteMenu
            links={sectionLinks}
            brand={
              <Link href="/" className={homeLinkClass}>
                <Wordmark />
              </Link>
            }
          />
        </div>
      </div>
    </header>
  );
}
