"use client";

import { useActionState } from "react";
import { CardFields, submitKeepingFields } from "@/components/forms/card-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionToast } from "@/components/forms/use-action-toast";
import { saveCardAction } from "./actions";
import { FormError } from "@/components/forms/form-error";

/** The local provider's card on file (only brand, last four and expiry are kept). */
export function CardForm() {
  const [state, action, pending] = useActionState(saveCardAction, {});
  useActionToast(state);
  return (
    <form onSubmit={submitKeepingFields(action)} className="grid gap-4" noValidate>
      <FormError error={state.error} />
      <CardFields state={state} />
      <SubmitButton pending={pending} className="sm:justify-self-start" pendingLabel="Saving card…">
        Save card
      </SubmitButton>
    </form>
  );
}
