"use client";

import { useActionState, type ComponentProps } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import type { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action";

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** Hidden inputs posted with the action, e.g. { id }. */
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  /** Names the button for screen readers when the label alone is ambiguous ("Replay https://…"). */
  ariaLabel?: string;
  variant?: ComponentProps<typeof Button>["variant"];
};

/**
 * One button that runs one server action, with its pending state and its outcome announced beside it.
 * Destructive or disruptive actions take a second step instead: ConfirmButton (components/ui).
 */
export function ActionButton({ action, fields, label, pendingLabel, ariaLabel, variant = "outline" }: Props) {
  const [state, run] = useActionState(action, {});
  return (
    <form action={run} className="grid gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} size="sm" aria-label={ariaLabel} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      <p
        role={state.error ? "alert" : "status"}
        className={state.error ? "text-sm text-destructive" : "text-sm text-muted-foreground"}
      >
        {state.error ?? state.message ?? ""}
      </p>
    </form>
  );
}
