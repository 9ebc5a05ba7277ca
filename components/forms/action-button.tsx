"use client";

import { useActionState, useEffect, useRef, useState, type ComponentProps } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action";

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** Hidden inputs posted with the action, e.g. { id }. */
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  /** Names the button for screen readers when the label alone is ambiguous ("Delete https://…"). */
  ariaLabel?: string;
  variant?: ComponentProps<typeof Button>["variant"];
  /** Destructive or disruptive: a second, explicit click with this warning. */
  confirm?: { warning: string; label: string };
};

/** One button that runs one server action, with its pending state and its outcome announced beside it. */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  ariaLabel,
  variant = "outline",
  confirm,
}: Props) {
  const [state, run] = useActionState(action, {});
  const [confirming, setConfirming] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);

  useEffect(() => {
    if (toggled.current) (confirming ? yes : trigger).current?.focus();
  }, [confirming]);
  const toggle = (next: boolean) => {
    toggled.current = true;
    setConfirming(next);
  };

  const outcome = (
    <p
      role={state.error ? "alert" : "status"}
      className={state.error ? "text-sm text-destructive" : "text-sm text-muted-foreground"}
    >
      {state.error ?? state.message ?? ""}
    </p>
  );

  if (confirm && !confirming) {
    return (
      <div className="grid gap-1">
        <Button
          ref={trigger}
          type="button"
          variant={variant}
          size="sm"
          aria-label={ariaLabel}
          onClick={() => toggle(true)}
        >
          {label}
        </Button>
        {outcome}
      </div>
    );
  }
  return (
    <form
      action={run}
      className="grid gap-2"
      onKeyDown={(e) => confirm && e.key === "Escape" && toggle(false)}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm ? <p className="text-sm">{confirm.warning}</p> : null}
      <div className="flex flex-wrap gap-2">
        {confirm ? (
          <Button type="button" variant="ghost" size="sm" onClick={() => toggle(false)}>
            Cancel
          </Button>
        ) : null}
        <SubmitButton
          ref={yes}
          variant={confirm ? "destructive" : variant}
          size="sm"
          aria-label={confirm ? undefined : ariaLabel}
          pendingLabel={pendingLabel}
        >
          {confirm ? confirm.label : label}
        </SubmitButton>
      </div>
      {outcome}
    </form>
  );
}
