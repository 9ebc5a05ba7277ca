"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { styled } from "./styled";

// shadcn/ui's Dialog on Radix: focus trapped inside, Escape and the overlay close it, focus goes
// back to the trigger. Use AlertDialog instead to confirm a destructive action.

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogPortal = DialogPrimitive.Portal;
export const DialogClose = DialogPrimitive.Close;

export const overlayClass = "fixed inset-0 z-50 bg-black/60";

export const contentClass =
  "fixed top-1/2 left-1/2 z-50 grid max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto rounded-lg border bg-popover p-6 text-popover-foreground shadow-xl focus:outline-none";

export const DialogOverlay = styled(DialogPrimitive.Overlay, "dialog-overlay", overlayClass);

export function DialogContent({
  className,
  children,
  showCloseButton = true,
  ...props
}: ComponentProps<typeof DialogPrimitive.Content> & { showCloseButton?: boolean }) {
  return (
    <DialogPortal>
      <DialogOverlay />
      <DialogPrimitive.Content data-slot="dialog-content" className={cn(contentClass, className)} {...props}>
        {children}
        {showCloseButton ? (
          <DialogPrimitive.Close className="absolute top-4 right-4 rounded-sm opacity-70 transition-opacity hover:opacity-100 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none [&_svg]:size-4">
            <X aria-hidden />
            <span className="sr-only">Close</span>
          </DialogPrimitive.Close>
        ) : null}
      </DialogPrimitive.Content>
    </DialogPortal>
  );
}

export const headerClass = "grid gap-2 text-left";
export const footerClass = "flex flex-col-reverse gap-2 sm:flex-row sm:flex-wrap sm:justify-end";
export const titleClass = "text-lg leading-tight font-semibold";
export const descriptionClass = "text-sm text-muted-foreground";

export const DialogHeader = styled("div", "dialog-header", headerClass);
export const DialogFooter = styled("div", "dialog-footer", footerClass);
export const DialogTitle = styled(DialogPrimitive.Title, "dialog-title", cn("pr-6", titleClass));
export const DialogDescription = styled(DialogPrimitive.Description, "dialog-description", descriptionClass);
