"use client";

import { useActionState } from "react";
import { CardFields, submitKeepingFields } from "@/components/forms/card-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { payCheckoutAction } from "./actions";

export function CardForm({ checkoutId, price }: { checkoutId: string; price: string }) {
  const [state, action, pending] = useActionState(payCheckoutAction, {});
  return (
    <form onSubmit={submitKeepingFields(action)} className="grid gap-4" noValidate>
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <input type="hidden" name="checkoutId" value={checkoutId} />
      <CardFields state={state} />
      <SubmitButton pending={pending} pendingLabel="Paying…">
        Pay {price}
      </SubmitButton>
    </form>
  );
}
