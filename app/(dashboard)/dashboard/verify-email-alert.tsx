"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { resendVerificationAction } from "../actions";

export function VerifyEmailAlert({ email }: { email: string }) {
  const [state, action] = useActionState(resendVerificationAction, {});
  return (
    <Alert variant="warning" className="grid gap-3 p-4 sm:flex sm:items-center sm:justify-between">
      <div className="grid gap-1">
        <p className="font-semibold">Confirm your email to buy plans and credits and call the API</p>
        <p className="text-muted-foreground">
          We sent a link to <span className="font-medium break-all text-foreground">{email}</span>. It expires
          in 24 hours.
        </p>
        {state.message ? <p className="font-medium">{state.message}</p> : null}
        {state.error ? <p className="font-medium">{state.error}</p> : null}
      </div>
      <form action={action} className="shrink-0">
        <SubmitButton variant="outline" size="sm" pendingLabel="Sending…">
          Resend verification email
        </SubmitButton>
      </form>
    </Alert>
  );
}
