"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { NavLinks } from "./nav-links";
import type { NavItem, ShellArea } from "./types";

// Phones only: the same navigation as the sidebar, in a modal slide-over (Radix traps focus,
// closes on Escape and returns focus to the trigger).
export function MobileNav({
  area,
  brand,
  nav,
  workspaceSwitcher,
}: {
  area: ShellArea;
  /** The drawer's heading: the brand (rendered on the server, where the brand is read). */
  brand: ReactNode;
  nav: NavItem[];
  workspaceSwitcher?: ReactNode;
}) {
  const [open, setOpen] = useState(false);

  // Widening the window past md shows the sidebar; don't leave an invisible focus trap behind.
  useEffect(() => {
    const query = window.matchMedia("(min-width: 768px)");
    const onChange = (event: MediaQueryListEvent) => {
      if (event.matches) setOpen(false);
    };
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="ghost" size="icon" aria-label="Open navigation" className="md:hidden">
          <Menu aria-hidden />
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/60 md:hidden" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-5 overflow-y-auto border-r bg-card p-4 text-card-foreground shadow-xl focus:outline-none md:hidden"
        >
          <Dialog.Title className="sr-only">Navigation</Dialog.Title>
          <div className="flex items-start justify-between gap-2">
            {brand}
            <Dialog.Close asChild>
              <Button variant="ghost" size="icon" aria-label="Close navigation" className="-mt-2 -mr-2">
                <X aria-hidden />
              </Button>
            </Dialog.Close>
          </div>
          {workspaceSwitcher ? <div>{workspaceSwitcher}</div> : null}
          <NavLinks area={area} nav={nav} onNavigate={() => setOpen(false)} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
