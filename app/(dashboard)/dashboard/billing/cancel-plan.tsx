"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setCancelAction } from "./actions";

/**
 * Switching to pay as you go: cancel at period end (with a confirming second step) or resume a
 * plan that is set to end.
 */
export function CancelPlan({ endsOn, cancelling }: { endsOn: string; cancelling: boolean }) {
  const [state, action] = useActionState(setCancelAction, {});
  const [confirming, setConfirming] = useState(false);
  // Once the plan is cancelled or resumed, the next step starts from the plain button again.
  const [wasCancelling, setWasCancelling] = useState(cancelling);
  if (wasCancelling !== cancelling) {
    setWasCancelling(cancelling);
    setConfirming(false);
  }
  return (
    <div className="grid gap-3">
      {state.error ? (
        <Alert variant="error">{state.error}</Alert>
      ) : state.message ? (
        <Alert variant="success">{state.message}</Alert>
      ) : null}
      {cancelling ? (
        <form action={action} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="cancel" value="no" />
          <p className="text-sm">Your plan ends on {endsOn}; after that the workspace is on the free plan.</p>
          <SubmitButton size="sm" pendingLabel="Resuming…">
            Resume plan
          </SubmitButton>
        </form>
      ) : confirming ? (
        <form action={action} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="cancel" value="yes" />
          <p className="text-sm">
            Keep everything until {endsOn}, then switch to pay as you go on the free plan?
          </p>
          {/* Focus follows the button this confirm step replaced. */}
          <SubmitButton size="sm" variant="destructive" autoFocus pendingLabel="Cancelling…">
            Yes, cancel at period end
          </SubmitButton>
          <Button type="button" size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Keep my plan
          </Button>
        </form>
      ) : (
        <Button
          type="button"
          size="sm"
          variant="outline"
          className="h-auto min-h-9 justify-self-start py-2 text-left whitespace-normal"
          onClick={() => setConfirming(true)}
        >
          Cancel plan (switch to pay as you go)
        </Button>
      )}
    </div>
  );
}
