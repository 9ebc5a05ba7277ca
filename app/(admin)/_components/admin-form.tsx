"use client";

import { useActionState, type ReactNode } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { cn } from "@/lib/utils/cn";
import { FormMessage, checkedDefault } from "./form-bits";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The state of an admin form and the props of its fields: `field("name")` is the
 * name, id, value (what was typed, after a refused submit; else the saved value) and errors for a
 * FormField, TextareaField or SelectField; `checkbox("active")` the same for a CheckboxField.
 * `prefix` keeps ids apart where a page holds two forms (new and edit); without it FormField's own
 * `field-<name>` ids stay.
 */
export function useAdminForm<V extends object>(action: Action, saved: V, prefix?: string) {
  const [state, formAction] = useActionState(action, {});
  const get = (name: string) => (saved as Record<string, unknown>)[name];
  const id = (name: string) => (prefix ? { id: `${prefix}-${name}` } : {});
  return {
    state,
    formAction,
    errors: (name: string) => state.fieldErrors?.[name],
    field: (name: Extract<keyof V, string>) => ({
      ...id(name),
      name,
      defaultValue: state.values?.[name] ?? String(get(name) ?? ""),
      errors: state.fieldErrors?.[name],
    }),
    checkbox: (name: Extract<keyof V, string>) => ({
      ...id(name),
      name,
      defaultChecked: checkedDefault(state, name, Boolean(get(name))),
    }),
  };
}

/** An admin form: its outcome, the record's id when editing, the fields, and the save button. */
export function AdminForm({
  form,
  recordId,
  hidden,
  notice,
  submitLabel,
  pendingLabel = "Saving…",
  className,
  children,
}: {
  form: { state: ActionState; formAction: (formData: FormData) => void };
  /** The record being edited, posted as `id`. */
  recordId?: string;
  /** Other hidden inputs, e.g. { workspaceId }. */
  hidden?: Record<string, string>;
  notice?: string;
  submitLabel: string;
  pendingLabel?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form action={form.formAction} className={cn("grid gap-4", className)} noValidate>
      <FormMessage state={form.state} notice={notice} />
      {Object.entries({ ...hidden, ...(recordId ? { id: recordId } : {}) }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <SubmitButton className="justify-self-start" pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

/** Fields two to a row from small screens up. */
export function FieldGrid({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("grid items-start gap-4 sm:grid-cols-2", className)}>{children}</div>;
}

/** A matrix form's end: the outcome of the last save, then its save button. */
export function SaveFooter({ state, label }: { state: ActionState; label: string }) {
  return (
    <>
      <FormMessage state={state} />
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        {label}
      </SubmitButton>
    </>
  );
}
