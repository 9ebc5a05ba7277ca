import type { ComponentProps } from "react";
import { Input } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action";
import { FieldFrame, wiring } from "./field-messages";

/** A labelled input with its validation messages wired up for screen readers. */
export function FormField({
  label,
  name,
  errors,
  hint,
  ...props
}: ComponentProps<"input"> & { label: string; name: string; errors?: string[]; hint?: string }) {
  const id = props.id ?? `field-${name}`;
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint}>
      <Input {...wiring(id, errors, hint)} name={name} {...props} />
    </FieldFrame>
  );
}

/**
 * A field's name, its value (what was typed, after a refused submit; else `saved`) and its errors
 * from the action's state: `<FormField label="Email" {...fieldFrom(state, "email")} />`.
 */
export function fieldFrom(state: ActionState, name: string, saved?: string | number) {
  return { name, defaultValue: state.values?.[name] ?? saved, errors: state.fieldErrors?.[name] };
}
