"use client";

import { startTransition, useState, type FormEvent } from "react";
import { FormField } from "@/components/forms/form-field";
import type { ActionState } from "@/lib/auth/action";
import { formatCardNumber, formatExpiry } from "@/lib/payments/card-format";

/**
 * Submits a card form without React's reset after a form action, so after a refused card or a
 * typo everything typed stays in the fields. The values live only in this browser tab: the server
 * never echoes the number or the security code back (ActionState.values leaves out card fields).
 */
export function submitKeepingFields(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
}

/** The local provider's card inputs (test checkout and card on file): number, expiry and security code. */
export function CardFields({ state }: { state: ActionState }) {
  const [number, setNumber] = useState("");
  const [expiry, setExpiry] = useState("");
  const [cvc, setCvc] = useState("");
  return (
    <>
      <FormField
        label="Card number"
        name="cardNumber"
        inputMode="numeric"
        autoComplete="cc-number"
        placeholder="4242 4242 4242 4242"
        required
        value={number}
        onChange={(e) => setNumber(formatCardNumber(e.target.value))}
        errors={state.fieldErrors?.cardNumber}
      />
      <div className="grid grid-cols-2 gap-4">
        <FormField
          label="Expiry (MM/YY)"
          name="expiry"
          inputMode="numeric"
          autoComplete="cc-exp"
          placeholder="MM / YY"
          required
          value={expiry}
          onChange={(e) => setExpiry(formatExpiry(e.target.value, expiry))}
          errors={state.fieldErrors?.expiry}
        />
        <FormField
          label="Security code"
          name="cvc"
          inputMode="numeric"
          autoComplete="cc-csc"
          placeholder="123"
          maxLength={4}
          required
          value={cvc}
          onChange={(e) => setCvc(e.target.value.replace(/\D/g, ""))}
          errors={state.fieldErrors?.cvc}
        />
      </div>
    </>
  );
}
