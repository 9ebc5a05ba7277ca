"use client";

import Link from "next/link";
import { useActionState } from "react";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, {});
  if (state.ok) {
    return (
      <div className="grid gap-4">
        <Alert variant="success">{state.message}</Alert>
        <Button asChild>
          <Link href="/sign-in">Sign in</Link>
        </Button>
      </div>
    );
  }
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error && <Alert variant="error">{state.error}</Alert>}
      <input type="hidden" name="token" value={token} />
      <PasswordField kind="new" name="password" errors={state.fieldErrors?.password} />
      <PasswordField kind="confirm" name="confirm" errors={state.fieldErrors?.confirm} />
      <SubmitButton pendingLabel="Saving…">Set new password</SubmitButton>
    </form>
  );
}
