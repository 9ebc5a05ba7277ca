"use client";

import type { ReactNode } from "react";
import { MenuSheet } from "@/components/ui/menu-sheet";
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
  return (
    <MenuSheet name="navigation" from="md" side="left" brand={brand}>
      {(close) => (
        <>
          {workspaceSwitcher ? <div>{workspaceSwitcher}</div> : null}
          <NavLinks area={area} nav={nav} onNavigate={close} />
        </>
      )}
    </MenuSheet>
  );
}
