"use client";

import { useActionState } from "react";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionToast } from "@/components/forms/use-action-toast";
import { Alert } from "@/components/ui/alert";
import { changePasswordAction } from "../../actions";

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, {});
  useActionToast(state);
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <PasswordField kind="current" name="currentPassword" errors={state.fieldErrors?.currentPassword} />
      <PasswordField kind="new" name="newPassword" errors={state.fieldErrors?.newPassword} />
      <PasswordField kind="confirm" name="confirmPassword" errors={state.fieldErrors?.confirmPassword} />
      <SubmitButton className="justify-self-start" pendingLabel="Changing password…">
        Change password
      </SubmitButton>
    </form>
  );
}
