"use client";

import { useActionState } from "react";
import { ToggleField } from "@/components/forms/toggle-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionToast } from "@/components/forms/use-action-toast";
import { setOverageAction } from "../../actions";
import { FormError } from "@/components/forms/form-error";

export function OverageForm({ enabled }: { enabled: boolean }) {
  const [state, action] = useActionState(setOverageAction, {});
  useActionToast(state);
  return (
    <form action={action} className="grid gap-4">
      <FormError error={state.error} />
      <ToggleField
        name="overage"
        defaultChecked={enabled}
        label="Charge credits when the daily quota is used up"
        description="On by default: calls carry on with your included credits, then credits you bought. Turn it off for a hard stop: calls past the quota are refused (429) until 00:00 UTC."
      />
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        Save billing setting
      </SubmitButton>
    </form>
  );
}
