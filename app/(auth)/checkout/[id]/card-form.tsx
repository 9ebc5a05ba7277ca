"use client";

import { useActionState } from "react";
import { CardFields, submitKeepingFields } from "@/components/forms/card-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { payCheckoutAction } from "./actions";
import { FormError } from "@/components/forms/form-error";

export function CardForm({ checkoutId, price }: { checkoutId: string; price: string }) {
  const [state, action, pending] = useActionState(payCheckoutAction, {});
  return (
    <form onSubmit={submitKeepingFields(action)} className="grid gap-4" noValidate>
      <FormError error={state.error} />
      <input type="hidden" name="checkoutId" value={checkoutId} />
      <CardFields state={state} />
      <SubmitButton pending={pending} pendingLabel="Paying…">
        Pay {price}
      </SubmitButton>
    </form>
  );
}
