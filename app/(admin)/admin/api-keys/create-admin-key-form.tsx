"use client";

import { useActionState } from "react";
import { NewKey } from "@/components/api-keys/new-key";
import { KeyNameField } from "@/components/api-keys/key-name-field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ADMIN_KEY_ACCESS } from "@/lib/auth/admin-roles";
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
        <SelectField
          label="Access"
          name="access"
          defaultValue={state.values?.access ?? "write"}
          errors={state.fieldErrors?.access}
          hint="Read: GET routes. Write: changes. Refunds: also refunding payments."
        >
          {Object.entries(ADMIN_KEY_ACCESS).map(([value, a]) => (
            <option key={value} value={value}>
              {a.label}
            </option>
          ))}
        </SelectField>
        <SubmitButton pendingLabel="Creating…">Create admin API key</SubmitButton>
      </form>
    </div>
  );
}
