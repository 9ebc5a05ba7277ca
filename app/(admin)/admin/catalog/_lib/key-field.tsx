import { FormField } from "@/components/forms/form-field";
import type { ActionState } from "@/lib/auth/action";
import { keyErrors } from "./rename-key";

/** A catalog key's input, posted as `code` (see keyFromCode) so a mistyped key survives a refused submit. */
export function KeyField({
  prefix,
  label,
  saved,
  state,
  hint,
  lock,
}: {
  /** The form's id prefix; the input is `<prefix>-code`. */
  prefix: string;
  label: string;
  saved: string;
  state: ActionState;
  hint: string;
  /** Why the key can no longer change (lib/catalog/key-locks.ts): the field is read-only and says so. */
  lock?: string | null;
}) {
  return (
    <FormField
      id={`${prefix}-code`}
      label={label}
      name="code"
      defaultValue={state.values?.code ?? saved}
      errors={keyErrors(state.fieldErrors)}
      autoComplete="off"
      required
      readOnly={Boolean(lock)}
      hint={lock ?? hint}
    />
  );
}
