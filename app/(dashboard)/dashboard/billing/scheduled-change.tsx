"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { cancelScheduledChangeAction } from "./actions";
import { FormError } from "@/components/forms/form-error";

/**
 * The downgrade or interval switch waiting for the end of the period, and taking it back. Stays
 * mounted when nothing is scheduled so the confirmation outlives the line it removed.
 */
export function ScheduledChange({
  description,
  canCancel,
}: {
  description: string | null;
  canCancel: boolean;
}) {
  const [state, action] = useActionState(cancelScheduledChangeAction, {});
  if (!description)
    return state.ok && state.message ? <Alert variant="success">{state.message}</Alert> : null;
  return (
    <div className="grid gap-3">
      <FormError error={state.error} />
      <form action={action} className="flex flex-wrap items-center gap-3">
        <p className="text-sm">{description}</p>
        {canCancel ? (
          <SubmitButton size="sm" variant="outline" pendingLabel="Cancelling change…">
            Cancel scheduled change
          </SubmitButton>
        ) : null}
      </form>
    </div>
  );
}
