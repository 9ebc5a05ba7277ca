import { FormField, fieldFrom } from "@/components/forms/form-field";
import type { ActionState } from "@/lib/auth/action";

/** A new API key's name (workspace and admin keys alike), with a hint on what to call it. */
export function KeyNameField({ state, hint }: { state: ActionState; hint: string }) {
  return (
    <FormField
      label="Name"
      {...fieldFrom(state, "name", "")}
      required
      maxLength={100}
      autoComplete="off"
      hint={hint}
    />
  );
}
