"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { managePaymentMethodAction } from "./actions";
import { FormError } from "@/components/forms/form-error";

/** Opens Stripe's Customer Portal or the local payment method page. */
export function ManagePaymentMethod() {
  const [state, action] = useActionState(managePaymentMethodAction, {});
  return (
    <form action={action} className="grid gap-3">
      <FormError error={state.error} />
      <SubmitButton size="sm" variant="outline" className="justify-self-start" pendingLabel="Opening…">
        Manage payment method
      </SubmitButton>
    </form>
  );
}
