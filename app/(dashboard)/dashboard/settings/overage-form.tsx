"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionToast } from "@/components/forms/use-action-toast";
import { Alert } from "@/components/ui/alert";
import { setOverageAction } from "../../actions";

export function OverageForm({ enabled }: { enabled: boolean }) {
  const [state, action] = useActionState(setOverageAction, {});
  useActionToast(state);
  return (
    <form action={action} className="grid gap-4">
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <input type="hidden" name="overage" value="off" />
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          name="overage"
          value="on"
          defaultChecked={enabled}
          className="mt-0.5 size-4 accent-primary"
        />
        <span>
          <span className="font-medium">Charge credits when the daily quota is used up</span>
          <span className="block text-muted-foreground">
            On by default: calls carry on with your included credits, then credits you bought. Turn it off for
            a hard stop: calls past the quota are refused (429) until 00:00 UTC.
          </span>
        </span>
      </label>
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        Save billing setting
      </SubmitButton>
    </form>
  );
}
