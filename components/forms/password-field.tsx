import { FormField } from "@/components/forms/form-field";

const KINDS = {
  current: { label: "Current password", autoComplete: "current-password", hint: undefined },
  new: { label: "New password", autoComplete: "new-password", hint: "At least 10 characters." },
  confirm: { label: "Confirm new password", autoComplete: "new-password", hint: undefined },
} as const;

/** A required password input: the one being replaced, a new one (with the length rule), or its repeat. */
export function PasswordField({
  kind,
  name,
  errors,
  label = KINDS[kind].label,
}: {
  kind: keyof typeof KINDS;
  name: string;
  errors?: string[];
  label?: string;
}) {
  return (
    <FormField
      label={label}
      name={name}
      type="password"
      autoComplete={KINDS[kind].autoComplete}
      required
      hint={KINDS[kind].hint}
      errors={errors}
    />
  );
}
