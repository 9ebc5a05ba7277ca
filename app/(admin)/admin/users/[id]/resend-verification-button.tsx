"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { resendVerificationAction } from "./actions";

export function ResendVerificationButton({ userId }: { userId: string }) {
  const [state, action] = useActionState(resendVerificationAction, {});
  return (
    <form action={action} className="grid justify-items-start gap-3">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="outline" pendingLabel="Sending…">
        Resend verification email
      </SubmitButton>
      {state.error ? (
        <Alert variant="error">{state.error}</Alert>
      ) : state.ok ? (
        <Alert variant="success">{state.message}</Alert>
      ) : null}
    </form>
  );
}
