"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { saveCardAction } from "./actions";

/** The local provider's card on file: number, expiry and security code (only brand, last four and expiry are kept). */
export function CardForm() {
  const [state, action] = useActionState(saveCardAction, {});
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error ? (
        <Alert variant="error">{state.error}</Alert>
      ) : state.ok && state.message ? (
        <Alert variant="success">{state.message}</Alert>
      ) : null}
      <FormField
        label="Card number"
        name="cardNumber"
        inputMode="numeric"
        autoComplete="cc-number"
        placeholder="4242 4242 4242 4242"
        required
        errors={state.fieldErrors?.cardNumber}
      />
      <div className="grid gap-4 sm:grid-cols-2">
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
      <SubmitButton className="sm:justify-self-start" pendingLabel="Saving card…">
        Save card
      </SubmitButton>
    </form>
  );
}
