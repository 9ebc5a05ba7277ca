"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { payCheckoutAction } from "./actions";

export function CardForm({ checkoutId, price }: { checkoutId: string; price: string }) {
  const [state, action] = useActionState(payCheckoutAction, {});
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <input type="hidden" name="checkoutId" value={checkoutId} />
      <FormField
        label="Card number"
        name="cardNumber"
        inputMode="numeric"
        autoComplete="cc-number"
        placeholder="4242 4242 4242 4242"
        required
        errors={state.fieldErrors?.cardNumber}
      />
      <div className="grid grid-cols-2 gap-4">
        <FormField
          label="Expiry (MM/YY)"
          name="expiry"
          autoComplete="cc-exp"
          placeholder="12/30"
          required
          defaultValue={state.values?.expiry}
          errors={state.fieldErrors?.expiry}
        />
        <FormField
          label="Security code"
          name="cvc"
          inputMode="numeric"
          autoComplete="cc-csc"
          placeholder="123"
          required
          errors={state.fieldErrors?.cvc}
        />
      </div>
      <SubmitButton pendingLabel="Paying…">Pay {price}</SubmitButton>
    </form>
  );
}
