import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme-toggle";
import { Toaster } from "@/components/ui/sonner";
import { Brand, Wordmark } from "./brand";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import type { NavItem, ShellArea } from "./types";
import { UserMenu } from "./user-menu";

export type { IconName, NavItem, ShellArea } from "./types";

export type AppShellProps = {
  /** Shows "Dashboard" or "Admin console" under the wordmark. */
  area: ShellArea;
  nav: NavItem[];
  user: { email: string; name: string | null; isAdmin: boolean };
  /** Rendered at the top of the sidebar (and the phone drawer) when given. */
  workspaceSwitcher?: ReactNode;
  children: ReactNode;
};

export function AppShell({ area, nav, user, workspaceSwitcher, children }: AppShellProps) {
  return (
    <div className="flex min-h-dvh">
      <a
        href="#main"
        className="sr-only rounded-md bg-background text-sm font-medium text-foreground shadow-lg focus:not-sr-only focus:fixed focus:top-4 focus:left-4 focus:z-[60] focus:px-4 focus:py-2 focus:ring-2 focus:ring-ring focus:outline-none"
      >
        Skip to content
      </a>

      {/* display:none below md, so its nav leaves the accessibility tree and the drawer's
          nav can reuse the "Main" label. */}
      <aside
        aria-label="Sidebar"
        className="hidden border-r bg-card text-card-foreground md:sticky md:top-0 md:flex md:h-dvh md:w-64 md:shrink-0 md:flex-col md:gap-6 md:overflow-y-auto md:px-4 md:py-5 print:!hidden"
      >
        <div className="px-2">
          <Brand area={area} />
        </div>
        {workspaceSwitcher ? <div className="px-2">{workspaceSwitcher}</div> : null}
        <NavLinks area={area} nav={nav} />
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background px-3 sm:px-4 md:px-6 print:hidden">
          <div className="flex min-w-0 items-center gap-1 md:hidden">
            <MobileNav
              area={area}
              brand={<Brand area={area} />}
              nav={nav}
              workspaceSwitcher={workspaceSwitcher}
            />
            <Wordmark />
          </div>
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <UserMenu user={user} />
          </div>
        </header>
        <main
          id="main"
          tabIndex={-1}
          className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6 md:px-8 md:py-8"
        >
          {children}
        </main>
      </div>
      {/* Only the signed-in app raises toasts: the public pages never ship sonner. */}
      <Toaster />
    </div>
  );
}
