"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useEffect, useState, type ReactNode } from "react";
import { Button } from "./button";
import { cn } from "@/lib/utils/cn";

// From each breakpoint up, the page shows the links itself (literal classes, for Tailwind to see).
const BREAKPOINTS = {
  sm: { hiddenClass: "sm:hidden", query: "(min-width: 640px)" },
  md: { hiddenClass: "md:hidden", query: "(min-width: 768px)" },
} as const;

// Where the sheet slides in from (shadcn/ui's Sheet sides): the content's box, the brand row, the close button.
const SIDES = {
  top: {
    content: "inset-x-0 top-0 grid gap-4 border-b bg-background",
    header: "items-center",
    close: undefined,
  },
  left: {
    content:
      "inset-y-0 left-0 flex w-72 max-w-[85vw] flex-col gap-5 overflow-y-auto border-r bg-card text-card-foreground",
    header: "items-start",
    close: "-mt-2 -mr-2",
  },
} as const;

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
  side: keyof typeof SIDES;
  /** The sheet's first row, beside the close button. */
  brand: ReactNode;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { hiddenClass, query } = BREAKPOINTS[from];
  const look = SIDES[side];

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
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Open ${name}`} className={hiddenClass}>
          <Menu aria-hidden />
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={cn("fixed inset-0 z-50 bg-black/60", hiddenClass)} />
        <Dialog.Content
          aria-describedby={undefined}
          className={cn("fixed z-50 p-4 shadow-xl focus:outline-none", look.content, hiddenClass)}
        >
          <Dialog.Title className="sr-only">{name[0].toUpperCase() + name.slice(1)}</Dialog.Title>
          <div className={cn("flex justify-between gap-2", look.header)}>
            {brand}
            <Dialog.Close asChild>
              <Button variant="ghost" size="icon" aria-label={`Close ${name}`} className={look.close}>
                <X aria-hidden />
              </Button>
            </Dialog.Close>
          </div>
          {children(() => setOpen(false))}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
