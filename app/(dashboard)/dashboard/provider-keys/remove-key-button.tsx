"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action";
import { removeProviderKeyAction } from "./actions";

/**
 * Removing switches the workspace back to paid platform calls, so it takes a second, explicit
 * click. It stays mounted without a key so the outcome is announced where the button was.
 */
export function RemoveKeyButton({
  provider,
  label,
  hasKey,
}: {
  provider: string;
  label: string;
  hasKey: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const [state, action] = useActionState(async (prev: ActionState, formData: FormData) => {
    const next = await removeProviderKeyAction(prev, formData);
    if (next.ok) setConfirming(false);
    return next;
  }, {});
  const trigger = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);

  // Keep the keyboard where the person is: on the confirm button, or back on "Remove".
  useEffect(() => {
    if (toggled.current) (confirming ? confirm : trigger).current?.focus();
  }, [confirming]);

  const toggle = (next: boolean) => {
    toggled.current = true;
    setConfirming(next);
  };

  if (!hasKey)
    return state.ok ? (
      <p role="status" className="text-sm">
        {state.message}
      </p>
    ) : null;
  if (!confirming) {
    return (
      <Button
        ref={trigger}
        type="button"
        variant="outline"
        size="sm"
        className="justify-self-start"
        aria-label={`Remove ${label} key`}
        onClick={() => toggle(true)}
      >
        Remove
      </Button>
    );
  }
  return (
    <form action={action} className="grid gap-2" onKeyDown={(e) => e.key === "Escape" && toggle(false)}>
      <input type="hidden" name="provider" value={provider} />
      <p className="text-sm">
        Calls to {label} models will use Tollgate&apos;s key again and be charged in credits.
      </p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton
          ref={confirm}
          variant="destructive"
          size="sm"
          aria-label={`Yes, remove ${label} key`}
          pendingLabel="Removing…"
        >
          Yes, remove
        </SubmitButton>
        <Button type="button" variant="ghost" size="sm" onClick={() => toggle(false)}>
          Cancel
        </Button>
      </div>
      {state.error ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
