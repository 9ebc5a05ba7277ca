"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useActionState, useRef, useState, type ReactNode } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  /** The text of the button that opens the dialog. */
  trigger: ReactNode;
  /** The trigger's accessible name when its text alone is ambiguous ("Delete" in a table row). */
  triggerLabel?: string;
  triggerVariant?: "destructive" | "outline" | "secondary" | "ghost" | "default";
  /** "sm" for triggers inside tables and cards. */
  triggerSize?: "sm" | "default";
  title: string;
  description: ReactNode;
  /** Overrides the description's muted look, e.g. when it is the one line to check. */
  descriptionClassName?: string;
  /** Shown between the description and the form, e.g. which payment this is. */
  details?: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  confirmVariant?: "destructive" | "default";
  action: Action;
  /** Hidden inputs posted with the confirmation, e.g. { workspaceId }. */
  fields: Record<string, string>;
  /** Inputs shown in the dialog (a reason), given the last attempt's state for its messages. */
  inputs?: (state: ActionState) => ReactNode;
  /** Called with the success message once the action succeeded and the dialog closed. */
  onDone?: (message: string) => void;
  /** Where focus goes after a success, since the trigger may be replaced. */
  focusAfter?: () => void;
};

// Destructive and disruptive admin changes take a second, explicit step. Radix traps focus, closes
// on Escape and returns focus to the trigger (or, after a success, to the status message).
export function ActionDialog({
  trigger,
  triggerLabel,
  triggerVariant = "destructive",
  triggerSize,
  title,
  description,
  descriptionClassName,
  details,
  focusAfter,
  onDone,
  ...rest
}: Props) {
  const [open, setOpen] = useState(false);
  const succeeded = useRef(false);
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (next) succeeded.current = false;
        setOpen(next);
      }}
    >
      <Dialog.Trigger asChild>
        <Button type="button" variant={triggerVariant} size={triggerSize} aria-label={triggerLabel}>
          {trigger}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/60" />
        <Dialog.Content
          onCloseAutoFocus={(event) => {
            if (!succeeded.current || !focusAfter) return;
            event.preventDefault();
            focusAfter();
          }}
          className="fixed top-1/2 left-1/2 z-50 grid max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto rounded-lg border bg-card p-6 text-card-foreground shadow-xl focus:outline-none"
        >
          <Dialog.Title className="text-lg leading-tight font-semibold">{title}</Dialog.Title>
          <Dialog.Description className={descriptionClassName ?? "text-sm text-muted-foreground"}>
            {description}
          </Dialog.Description>
          {details}
          {/* Mounted only while open, so each opening starts without the last attempt's error. */}
          <ConfirmForm
            {...rest}
            onSuccess={(message) => {
              succeeded.current = true;
              setOpen(false);
              onDone?.(message);
            }}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

type FormProps = Pick<
  Props,
  "confirmLabel" | "pendingLabel" | "confirmVariant" | "action" | "fields" | "inputs"
> & { onSuccess: (message: string) => void };

function ConfirmForm({
  confirmLabel,
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
      <div className="flex flex-wrap justify-end gap-2">
        <Dialog.Close asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </Dialog.Close>
        <SubmitButton variant={confirmVariant} pendingLabel={pendingLabel}>
          {confirmLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
