"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { requireAdminTwoFactorAction } from "./actions";
import { FormError } from "@/components/forms/form-error";

export function RequireTwoFactorForm({ required }: { required: boolean }) {
  const [state, action] = useActionState(requireAdminTwoFactorAction, {});
  return (
    <form action={action} className="grid gap-4">
      <FormError error={state.error} />
      {state.ok && state.message ? <Alert variant="success">{state.message}</Alert> : null}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="required" defaultChecked={required} className="size-4" />
        Require two-factor authentication for admins
      </label>
      <SubmitButton variant="outline" className="justify-self-start" pendingLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}
