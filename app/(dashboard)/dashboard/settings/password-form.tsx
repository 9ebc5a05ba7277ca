"use client";

import { useActionState } from "react";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionToast } from "@/components/forms/use-action-toast";
import { changePasswordAction } from "../../actions";
import { FormError } from "@/components/forms/form-error";

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, {});
  useActionToast(state);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormError error={state.error} />
      <PasswordField kind="current" name="currentPassword" errors={state.fieldErrors?.currentPassword} />
      <PasswordField kind="new" name="newPassword" errors={state.fieldErrors?.newPassword} />
      <PasswordField kind="confirm" name="confirmPassword" errors={state.fieldErrors?.confirmPassword} />
      <SubmitButton className="justify-self-start" pendingLabel="Changing password…">
        Change password
      </SubmitButton>
    </form>
  );
}
