"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { managePaymentMethodAction } from "./actions";

/** Opens Stripe's Customer Portal or the local payment method page. */
export function ManagePaymentMethod() {
  const [state, action] = useActionState(managePaymentMethodAction, {});
  return (
    <form action={action} className="grid gap-3">
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <SubmitButton size="sm" variant="outline" className="justify-self-start" pendingLabel="Opening…">
        Manage payment method
      </SubmitButton>
    </form>
  );
}
