"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useActionState, useState, type ReactNode } from "react";
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
  triggerVariant?: "destructive" | "outline" | "secondary" | "ghost";
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  action: Action;
  /** Hidden inputs posted with the confirmation, e.g. { id }. */
  fields: Record<string, string>;
};

// Destructive and disruptive changes (delete, archive) take a second, explicit click. Radix traps
// focus, closes on Escape and returns focus to the trigger.
export function ConfirmDialog({ trigger, triggerLabel, triggerVariant = "destructive", title, description, ...rest }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button type="button" variant={triggerVariant} size="sm" aria-label={triggerLabel}>
          {trigger}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/60" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 grid w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 gap-4 rounded-lg border bg-card p-6 text-card-foreground shadow-xl focus:outline-none">
          <Dialog.Title className="text-lg font-semibold leading-tight">{title}</Dialog.Title>
          <Dialog.Description className="text-sm text-muted-foreground">{description}</Dialog.Description>
          {/* Mounted only while open, so each opening starts without the last attempt's error. */}
          <ConfirmForm {...rest} onDone={() => setOpen(false)} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ConfirmForm({ confirmLabel, pendingLabel, action, fields, onDone }: Omit<Props, "trigger" | "triggerLabel" | "triggerVariant" | "title" | "description"> & { onDone: () => void }) {
  const [state, formAction] = useActionState(async (prev: ActionState, formData: FormData) => {
    const next = await action(prev, formData);
    if (next.ok) onDone();
    return next;
  }, {});
  return (
    <form action={formAction} className="grid gap-4">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Dialog.Close asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </Dialog.Close>
        <SubmitButton variant="destructive" pendingLabel={pendingLabel}>
          {confirmLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
