import type { ComponentProps, ReactNode } from "react";
import { describedBy, FieldMessages } from "@/components/forms/field-messages";
import { Alert } from "@/components/ui/alert";
import { Label } from "@/components/ui/label";
import type { ActionState } from "@/lib/auth/action";

// Form pieces the admin forms share beside FormField: checkbox, textarea, messages. The select is
// the shared one (it keeps its choice through the reset React does after a form action).
export { SelectField } from "@/components/forms/select-field";
export { TextareaField } from "@/components/forms/textarea-field";

type Extra = { label: string; name: string; errors?: string[]; hint?: ReactNode };

export function CheckboxField({
  label,
  name,
  errors,
  hint,
  ...props
}: Omit<ComponentProps<"input">, "type"> & Extra) {
  const id = props.id ?? `field-${name}`;
  return (
    <div className="flex items-start gap-3">
      <input
        type="checkbox"
        id={id}
        name={name}
        aria-describedby={describedBy(id, errors, hint)}
        className="mt-0.5 size-4 shrink-0 accent-primary"
        {...props}
      />
      <div className="grid gap-1">
        <Label htmlFor={id}>{label}</Label>
        <FieldMessages id={id} errors={errors} hint={hint} />
      </div>
    </div>
  );
}

/** A ticked checkbox survives a failed submit; otherwise the saved value shows. */
export function checkedDefault(state: ActionState, name: string, saved: boolean) {
  return state.values ? state.values[name] === "on" : saved;
}

/** The outcome of the last submit: the error in an alert, or the success message. */
export function FormMessage({ state, notice }: { state: ActionState; notice?: string }) {
  if (state.error) return <Alert variant="error">{state.error}</Alert>;
  if (state.ok && state.message) return <Alert variant="success">{state.message}</Alert>;
  if (notice && !state.ok) return <Alert variant="success">{notice}</Alert>;
  return null;
}
