"use client";

import { useActionState } from "react";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import type { AdminRole } from "@/lib/db/generated/enums";
import { ADMIN_ROLES } from "@/lib/auth/admin-roles";
import { setAdminRoleAction } from "./actions";

export function AdminRoleForm({ userId, role }: { userId: string; role: AdminRole }) {
  const [state, action] = useActionState(setAdminRoleAction, {});
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[minmax(0,20rem)_auto] sm:items-end" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <SelectField
        label="Console role"
        name="adminRole"
        defaultValue={state.values?.adminRole ?? role}
        errors={state.fieldErrors?.adminRole}
      >
        {ADMIN_ROLES.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label} — {r.description}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel="Saving…">Save role</SubmitButton>
      {state.error ? (
        <Alert variant="error" className="sm:col-span-2">
          {state.error}
        </Alert>
      ) : state.ok ? (
        <Alert variant="success" className="sm:col-span-2">
          {state.message}
        </Alert>
      ) : null}
    </form>
  );
}
