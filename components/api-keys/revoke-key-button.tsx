"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action";

/** Revoking breaks every app using the key, so it takes a second, explicit click. */
export function RevokeKeyButton({ id, name, revokeAction }: { id: string; name: string; revokeAction: (prev: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action] = useActionState(revokeAction, {});
  const trigger = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);

  // Keep the keyboard where the person is: on the confirm button, and back on "Revoke" after Cancel.
  useEffect(() => {
    if (toggled.current) (confirming ? confirm : trigger).current?.focus();
  }, [confirming]);

  const toggle = (next: boolean) => {
    toggled.current = true;
    setConfirming(next);
  };

  if (!confirming) {
    return (
      <Button ref={trigger} type="button" variant="outline" size="sm" aria-label={`Revoke ${name}`} onClick={() => toggle(true)}>
        Revoke
      </Button>
    );
  }
  return (
    <form action={action} className="grid justify-items-end gap-2" onKeyDown={(e) => e.key === "Escape" && toggle(false)}>
      <input type="hidden" name="id" value={id} />
      <p className="text-right text-sm">Apps using this key will stop working.</p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={() => toggle(false)}>
          Cancel
        </Button>
        <SubmitButton ref={confirm} variant="destructive" size="sm" aria-label={`Yes, revoke ${name}`} pendingLabel="Revoking…">
          Yes, revoke
        </SubmitButton>
      </div>
      {state.error ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
