"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ReactNode, RefObject } from "react";
import { Button } from "./button";
import { cn } from "@/lib/utils/cn";

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

export type SheetSide = keyof typeof SIDES;

// MenuSheet's modal sheet, loaded the first time the menu opens (Radix is ~30 KB of JavaScript a
// visitor who never opens the menu need not download). Radix traps focus and closes on Escape; the
// trigger lives outside Dialog.Root, so focus is handed back to it here.
export default function MenuSheetDialog({
  name,
  side,
  hiddenClass,
  brand,
  open,
  onOpenChange,
  trigger,
  children,
}: {
  name: string;
  side: SheetSide;
  hiddenClass: string;
  brand: ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: RefObject<HTMLButtonElement | null>;
  children: ReactNode;
}) {
  const look = SIDES[side];
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={cn("fixed inset-0 z-50 bg-black/60", hiddenClass)} />
        <Dialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            trigger.current?.focus();
          }}
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
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
