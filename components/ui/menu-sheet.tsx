"use client";

import { Menu } from "lucide-react";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "./button";
import type { SheetSide } from "./menu-sheet-dialog";

// From each breakpoint up, the page shows the links itself (literal classes, for Tailwind to see).
const BREAKPOINTS = {
  sm: { hiddenClass: "sm:hidden", query: "(min-width: 640px)" },
  md: { hiddenClass: "md:hidden", query: "(min-width: 768px)" },
} as const;

const loadDialog = () => import("./menu-sheet-dialog");
// The sheet itself (Radix Dialog) is fetched on the first open, or when the pointer or focus
// reaches the button: pages ship only the button.
const MenuSheetDialog = dynamic(loadDialog, { ssr: false });

// Narrow screens only: a menu button that opens a modal sheet (Radix traps focus, closes on Escape
// and returns focus to the button), used by the marketing header and the app shell. `children` gets
// `close`, for links that navigate.
export function MenuSheet({
  name,
  from,
  side,
  brand,
  children,
}: {
  /** What the sheet holds, as its buttons name it: "menu" ("Open menu", "Close menu"). */
  name: string;
  /** The breakpoint from which the page shows the links itself, and the sheet is gone. */
  from: keyof typeof BREAKPOINTS;
  side: SheetSide;
  /** The sheet's first row, beside the close button. */
  brand: ReactNode;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  // Mounted from the first open on, so Radix can animate and clean up its closes.
  const [mounted, setMounted] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const { hiddenClass, query } = BREAKPOINTS[from];

  // Widening the window past the breakpoint hides the sheet; don't leave an invisible focus trap behind.
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = (event: MediaQueryListEvent) => {
      if (event.matches) setOpen(false);
    };
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, [query]);

  return (
    <>
      <Button
        ref={trigger}
        variant="ghost"
        size="icon"
        aria-label={`Open ${name}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        className={hiddenClass}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => {
          setMounted(true);
          setOpen(true);
        }}
      >
        <Menu aria-hidden />
      </Button>
      {mounted ? (
        <MenuSheetDialog
          name={name}
          side={side}
          hiddenClass={hiddenClass}
          brand={brand}
          open={open}
          onOpenChange={setOpen}
          trigger={trigger}
        >
          {children(() => setOpen(false))}
        </MenuSheetDialog>
      ) : null}
    </>
  );
}
