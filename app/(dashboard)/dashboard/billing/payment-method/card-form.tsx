"use client";

import { useActionState } from "react";
import { CardFields, submitKeepingFields } from "@/components/forms/card-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionToast } from "@/components/forms/use-action-toast";
import { Alert } from "@/components/ui/alert";
import { saveCardAction } from "./actions";

/** The local provider's card on file (only brand, last four and expiry are kept). */
export function CardForm() {
  const [state, action, pending] = useActionState(saveCardAction, {});
  useActionToast(state);
  return (
    <form onSubmit={submitKeepingFields(action)} className="grid gap-4" noValidate>
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <CardFields state={state} />
      <SubmitButton pending={pending} className="sm:justify-self-start" pendingLabel="Saving card…">
        Save card
      </SubmitButton>
    </form>
  );
}
