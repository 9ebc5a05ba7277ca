"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { referralSettingsAction } from "./actions";

export function ReferralForm({ referrer, newUser }: { referrer: string; newUser: string }) {
  const [state, action] = useActionState(referralSettingsAction, {});
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error ? (
        <Alert variant="error">{state.error}</Alert>
      ) : state.ok ? (
        <Alert variant="success">{state.message}</Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label="Credits for the referrer"
          name="referrerCredits"
          inputMode="decimal"
          defaultValue={state.values?.referrerCredits ?? referrer}
          errors={state.fieldErrors?.referrerCredits}
        />
        <FormField
          label="Credits for the new user"
          name="newUserCredits"
          inputMode="decimal"
          defaultValue={state.values?.newUserCredits ?? newUser}
          errors={state.fieldErrors?.newUserCredits}
        />
      </div>
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        Save referral rewards
      </SubmitButton>
    </form>
  );
}
