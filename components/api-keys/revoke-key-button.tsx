"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action";

type Props = {
  name: string;
  revokeAction: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** Hidden inputs posted with the confirmation, e.g. { id } or { workspaceId, id }. */
  fields: Record<string, string>;
  /** Already revoked: nothing to offer, unless this component just did it. */
  revoked?: boolean;
};

/**
 * Revoking breaks every app using the key, so it takes a second, explicit click. Where the parent
 * keeps it mounted after the key is revoked, the outcome is announced where the button was.
 */
export function RevokeKeyButton({ name, revokeAction, fields, revoked = false }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [state, action] = useActionState(revokeAction, {});
  const trigger = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const toggled = useRef(false);

  // Keep the keyboard where the person is: on the confirm button, back on "Revoke", or on the result.
  useEffect(() => {
    if (!toggled.current) return;
    if (state.ok) done.current?.focus();
    else (confirming ? confirm : trigger).current?.focus();
  }, [confirming, state.ok]);

  const toggle = (next: boolean) => {
    toggled.current = true;
    setConfirming(next);
  };

  if (revoked || state.ok) {
    return state.ok ? (
      <p ref={done} role="status" tabIndex={-1} className="text-right text-sm focus-visible:outline-none">
        {state.message}
      </p>
    ) : null;
  }
  if (!confirming) {
    return (
      <Button
        ref={trigger}
        type="button"
        variant="outline"
        size="sm"
        aria-label={`Revoke ${name}`}
        onClick={() => toggle(true)}
      >
        Revoke
      </Button>
    );
  }
  return (
    <form
      action={action}
      className="grid justify-items-end gap-2"
      onKeyDown={(e) => e.key === "Escape" && toggle(false)}
    >
      {Object.entries(fields).map(([field, value]) => (
        <input key={field} type="hidden" name={field} value={value} />
      ))}
      <p className="text-right text-sm">Apps using this key will stop working.</p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={() => toggle(false)}>
          Cancel
        </Button>
        <SubmitButton
          ref={confirm}
          variant="destructive"
          size="sm"
          aria-label={`Yes, revoke ${name}`}
          pendingLabel="Revoking…"
        >
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
