"use client";

import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import type { ComponentProps } from "react";
import { buttonVariants } from "./button";
import { contentClass, descriptionClass, footerClass, headerClass, overlayClass, titleClass } from "./dialog";
import { styled } from "./styled";
import { cn } from "@/lib/utils/cn";

// shadcn/ui's AlertDialog on Radix: a modal that interrupts to confirm (role="alertdialog"). It
// does not close on an outside click, and focus starts on Cancel, so Enter never confirms by
// accident. For a confirm button that runs a server action, use ConfirmButton.

export const AlertDialog = AlertDialogPrimitive.Root;
export const AlertDialogTrigger = AlertDialogPrimitive.Trigger;
export const AlertDialogPortal = AlertDialogPrimitive.Portal;

export const AlertDialogOverlay = styled(AlertDialogPrimitive.Overlay, "alert-dialog-overlay", overlayClass);

export function AlertDialogContent({
  className,
  ...props
}: ComponentProps<typeof AlertDialogPrimitive.Content>) {
  return (
    <AlertDialogPortal>
      <AlertDialogOverlay />
      <AlertDialogPrimitive.Content
        data-slot="alert-dialog-content"
        className={cn(contentClass, "max-w-md", className)}
        {...props}
      />
    </AlertDialogPortal>
  );
}

export const AlertDialogHeader = styled("div", "alert-dialog-header", headerClass);
export const AlertDialogFooter = styled("div", "alert-dialog-footer", footerClass);
export const AlertDialogTitle = styled(AlertDialogPrimitive.Title, "alert-dialog-title", titleClass);
export const AlertDialogDescription = styled(
  AlertDialogPrimitive.Description,
  "alert-dialog-description",
  descriptionClass,
);
export const AlertDialogAction = styled(AlertDialogPrimitive.Action, undefined, buttonVariants());
export const AlertDialogCancel = styled(
  AlertDialogPrimitive.Cancel,
  undefined,
  buttonVariants({ variant: "outline" }),
);
