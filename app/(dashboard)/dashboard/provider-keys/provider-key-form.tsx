"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { saveProviderKeyAction, type SaveProviderKeyState } from "./actions";
import { FormError } from "@/components/forms/form-error";

/** Adds or replaces one provider's key. The input is a password field and is never filled back in. */
export function ProviderKeyForm({
  provider,
  label,
  replacing,
}: {
  provider: string;
  label: string;
  replacing: boolean;
}) {
  const [state, action] = useActionState(saveProviderKeyAction, {} as SaveProviderKeyState);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormError error={state.error} />
      {/* Shown while the saved key is the current one (a removal below hides it). */}
      {state.ok && state.message && replacing ? <Alert variant="success">{state.message}</Alert> : null}
      <input type="hidden" name="provider" value={provider} />
      <FormField
        id={`field-apiKey-${provider}`}
        label={replacing ? `New ${label} API key` : `${label} API key`}
        name="apiKey"
        type="password"
        required
        autoComplete="off"
        spellCheck={false}
        maxLength={512}
        defaultValue=""
        errors={state.fieldErrors?.apiKey}
        hint="Stored encrypted. After saving, only its last four characters are shown."
      />
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        {replacing ? "Replace key" : "Save key"}
      </SubmitButton>
    </form>
  );
}
