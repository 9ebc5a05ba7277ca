"use client";

import { useActionState } from "react";
import { FormField, fieldFrom } from "@/components/forms/form-field";
import { KeyNameField } from "@/components/api-keys/key-name-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { createKeyAction, type CreateKeyState } from "./actions";
import { NewKey } from "@/components/api-keys/new-key";

const UNVERIFIED = "Confirm your email before creating API keys.";

export function CreateKeyForm({
  verified,
  minExpiry,
  canSetCap = true,
}: {
  verified: boolean;
  minExpiry: string;
  canSetCap?: boolean;
}) {
  const [state, action] = useActionState(createKeyAction, {} as CreateKeyState);
  // One slot for the form's message, so the unverified notice and the action's refusal never show twice.
  const notice = state.error ?? (verified ? null : UNVERIFIED);
  return (
    <div className="grid gap-6">
      {state.key ? <NewKey value={state.key} message={state.message} /> : null}
      <form action={action} className="grid gap-4" noValidate>
        {notice ? <Alert variant={state.error ? "error" : "warning"}>{notice}</Alert> : null}
        <KeyNameField state={state} hint="So you can tell keys apart, e.g. “Video app production”." />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            label="Expires on (optional)"
            {...fieldFrom(state, "expiresOn", "")}
            type="date"
            min={minExpiry}
            hint="The key stops working at 00:00 UTC on this date."
          />
          {canSetCap ? (
            <FormField
              label="Monthly spend cap in credits (optional)"
              {...fieldFrom(state, "monthlyCap", "")}
              inputMode="decimal"
              autoComplete="off"
              hint="Paid calls that would go past it in a UTC month are refused."
            />
          ) : null}
        </div>
        <SubmitButton className="justify-self-start" pendingLabel="Creating…">
          Create API key
        </SubmitButton>
      </form>
    </div>
  );
}
