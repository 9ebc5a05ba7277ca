"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { replayEventAction } from "./actions";

export function ReplayButton({ id }: { id: string }) {
  const [state, action] = useActionState(replayEventAction, {});
  return (
    <form action={action} className="grid justify-items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <SubmitButton size="sm" variant="outline" aria-label={`Replay ${id}`} pendingLabel="Replaying…">
        Replay
      </SubmitButton>
      {state.error ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
      {state.message ? (
        <p role="status" className="text-sm">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
