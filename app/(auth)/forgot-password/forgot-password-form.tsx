"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormField, fieldFrom } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { forgotPasswordAction } from "../actions";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, {});
  return (
    <Card>
      <CardHeader>
        <h1 className="text-2xl font-semibold">Reset your password</h1>
        <CardDescription>
          Enter the email you signed up with and we&apos;ll send you a link to choose a new password.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {state.ok ? (
          <Alert variant="success">{state.message}</Alert>
        ) : (
          <form action={action} className="grid gap-4" noValidate>
            {state.error && <Alert variant="error">{state.error}</Alert>}
            <FormField
              label="Email"
              {...fieldFrom(state, "email")}
              type="email"
              autoComplete="email"
              required
            />
            <SubmitButton pendingLabel="Sending…">Send reset link</SubmitButton>
          </form>
        )}
        <Link
          href="/sign-in"
          className="text-center text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          Back to sign in
        </Link>
      </CardContent>
    </Card>
  );
}
