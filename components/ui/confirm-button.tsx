"use client";

import { useActionState, useRef, useState, type ComponentProps, type ReactNode } from "react";
import { toast } from "sonner";
import { Alert } from "./alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "./alert-dialog";
import { Button } from "./button";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionState } from "@/lib/auth/action";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
type Variant = ComponentProps<typeof Button>["variant"];

export type ConfirmButtonProps = {
  /** The trigger button's content ("Revoke"). */
  trigger: ReactNode;
  /** The trigger's accessible name when its text alone is ambiguous ("Revoke Billing sync"). */
  triggerLabel?: string;
  triggerVariant?: Variant;
  /** "sm" for triggers inside tables and cards. */
  triggerSize?: "sm" | "default";
  triggerClassName?: string;
  /** The question ("Revoke Billing sync?"). */
  title: string;
  /** What happens if they go ahead. */
  description: ReactNode;
  /** Overrides the description's muted look, e.g. when it is the one line to check. */
  descriptionClassName?: string;
  /** Shown between the description and the buttons, e.g. which payment this is. */
  details?: ReactNode;
  /** The confirming button's text ("Yes, revoke") and, when ambiguous, its accessible name. */
  confirmLabel: string;
  confirmAriaLabel?: string;
  /** Shown on the confirming button while the action runs ("Revoking…"). */
  pendingLabel: string;
  confirmVariant?: "destructive" | "default";
  /** The server action, run with `fields` (and any `inputs`) as its FormData. */
  action: Action;
  /** Hidden inputs posted with the confirmation, e.g. { id }. */
  fields: Record<string, string>;
  /** Inputs shown in the dialog (a reason), given the last attempt's state for its messages. */
  inputs?: (state: ActionState) => ReactNode;
  /**
   * Called with the success message once the action succeeded and the dialog closed. Without it,
   * the message is a toast.
   */
  onDone?: (message: string) => void;
  /** Where focus goes after a success, since the trigger may be gone (the row changed). */
  focusAfter?: () => void;
};

// Destructive and disruptive changes take a second, explicit step in an AlertDialog: Radix traps
// focus, starts it on Cancel, closes on Escape and returns focus to the trigger (or, after a
// success, to `focusAfter`). The action's error shows inside the dialog, which stays open.
export function ConfirmButton({
  trigger,
  triggerLabel,
  triggerVariant = "destructive",
  triggerSize,
  triggerClassName,
  title,
  description,
  descriptionClassName,
  details,
  focusAfter,
  onDone,
  ...rest
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const succeeded = useRef(false);
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (next) succeeded.current = false;
        setOpen(next);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button
          type="button"
          variant={triggerVariant}
          size={triggerSize}
          aria-label={triggerLabel}
          className={triggerClassName}
        >
          {trigger}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          if (!succeeded.current || !focusAfter) return;
          event.preventDefault();
          focusAfter();
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription className={descriptionClassName}>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {details}
        {/* Mounted only while open, so each opening starts without the last attempt's error. */}
        <ConfirmForm
          {...rest}
          onSuccess={(message) => {
            succeeded.current = true;
            setOpen(false);
            if (onDone) onDone(message);
            else toast.success(message);
          }}
        />
      </AlertDialogContent>
    </AlertDialog>
  );
}

type FormProps = Pick<
  ConfirmButtonProps,
  "confirmLabel" | "confirmAriaLabel" | "pendingLabel" | "confirmVariant" | "action" | "fields" | "inputs"
> & { onSuccess: (message: string) => void };

function ConfirmForm({
  confirmLabel,
  confirmAriaLabel,
  pendingLabel,
  confirmVariant = "destructive",
  action,
  fields,
  inputs,
  onSuccess,
}: FormProps) {
  const [state, formAction] = useActionState(async (prev: ActionState, formData: FormData) => {
    const next = await action(prev, formData);
    if (next.ok) onSuccess(next.message ?? "Done.");
    return next;
  }, {});
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      {inputs?.(state)}
      <AlertDialogFooter>
        <AlertDialogCancel asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </AlertDialogCancel>
        <SubmitButton variant={confirmVariant} pendingLabel={pendingLabel} aria-label={confirmAriaLabel}>
          {confirmLabel}
        </SubmitButton>
      </AlertDialogFooter>
    </form>
  );
}

type ItemProps = Omit<ConfirmButtonProps, "trigger" | "triggerLabel" | "title" | "confirmLabel"> &
  Partial<Pick<ConfirmButtonProps, "title" | "confirmLabel">> & {
    /** What the button does, as its text ("Revoke", "Roll secret"). */
    verb: string;
    /** What it does it to, completing the button's accessible name ("Revoke Billing sync"). */
    item: string;
  };

/**
 * The confirm step for one item in a list or card: a small outline trigger ("Revoke") whose name
 * says which item ("Revoke Billing sync"), the question ("Revoke Billing sync?") and "Yes, revoke".
 */
export function ConfirmItemButton({ verb, item, ...props }: ItemProps) {
  return (
    <ConfirmButton
      trigger={verb}
      triggerLabel={`${verb} ${item}`}
      triggerVariant="outline"
      triggerSize="sm"
      title={`${verb} ${item}?`}
      confirmLabel={`Yes, ${verb.toLowerCase()}`}
      {...props}
    />
  );
}
