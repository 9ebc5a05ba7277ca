"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { billingSettingsAction } from "./actions";

export function BillingSettingsForm({
  rolloverPercent,
  paymentGraceDays,
}: {
  rolloverPercent: number;
  paymentGraceDays: number;
}) {
  const [state, action] = useActionState(billingSettingsAction, {});
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error ? (
        <Alert variant="error">{state.error}</Alert>
      ) : state.ok ? (
        <Alert variant="success">{state.message}</Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label="Rollover of unused included credits (%)"
          name="rolloverPercent"
          inputMode="numeric"
          defaultValue={state.values?.rolloverPercent ?? String(rolloverPercent)}
          errors={state.fieldErrors?.rolloverPercent}
          hint="At renewal this share of a plan's unused included credits carries over; the rest expires."
        />
        <FormField
          label="Grace period after a failed payment (days)"
          name="paymentGraceDays"
          inputMode="numeric"
          defaultValue={state.values?.paymentGraceDays ?? String(paymentGraceDays)}
          errors={state.fieldErrors?.paymentGraceDays}
          hint="How long a plan stays usable after a renewal payment fails, before the workspace returns to the free tier."
        />
      </div>
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        Save billing settings
      </SubmitButton>
    </form>
  );
}
