"use client";

import { useActionState } from "react";
import { NewKey } from "@/components/api-keys/new-key";
import { KeyNameField } from "@/components/api-keys/key-name-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { createAdminKeyAction, type CreateAdminKeyState } from "./actions";
import { FormError } from "@/components/forms/form-error";

export function CreateAdminKeyForm() {
  const [state, action] = useActionState(createAdminKeyAction, {} as CreateAdminKeyState);
  return (
    <div className="grid gap-6">
      {state.key ? <NewKey value={state.key} message={state.message} /> : null}
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-end" noValidate>
        <FormError error={state.error} className="sm:col-span-2" />
        <KeyNameField state={state} hint="Which backend or script uses it, e.g. “Billing sync”." />
        <SubmitButton pendingLabel="Creating…">Create admin API key</SubmitButton>
      </form>
    </div>
  );
}
