"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition, type FormEvent } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// What authorize() throws when the password was right and a second factor is needed (lib/auth/sign-in.ts).
const TWO_FACTOR_REQUIRED = "2fa_required";

type Props = { callbackUrl: string; providers: { github: boolean; google: boolean } };

export function SignInForm({ callbackUrl, providers }: Props) {
  const [error, setError] = useState<string | null>(null);
  // Set once the password was accepted for an account with two-factor authentication.
  const [needsCode, setNeedsCode] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      const result = await signIn("credentials", {
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        code: String(data.get("code") ?? ""),
        redirect: false,
      });
      if (result?.error === TWO_FACTOR_REQUIRED) {
        setNeedsCode(true);
        return;
      }
      if (!result || result.error) {
        // authorize() errors arrive as their message (wrong password, too many attempts).
        setError(
          result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.",
        );
        return;
      }
      // A full navigation: the callback may be a route handler (/start) rather than a page.
      window.location.assign(callbackUrl);
    });
  }

  return (
    <div className="grid gap-4">
      <form onSubmit={onSubmit} className="grid gap-4" noValidate>
        {error && <Alert variant="error">{error}</Alert>}
        <FormField label="Email" name="email" type="email" autoComplete="email" required />
        <FormField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        {needsCode ? (
          <FormField
            label="Authentication code"
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            required
            autoFocus
            hint="The 6-digit code from your authenticator app, or one of your recovery codes."
          />
        ) : null}
        <SubmitButton pending={pending} pendingLabel="Signing in…">
          {needsCode ? "Verify and sign in" : "Sign in"}
        </SubmitButton>
      </form>
      {(providers.github || providers.google) && (
        <div className="grid gap-2 border-t pt-4">
          {providers.github && (
            <Button variant="outline" onClick={() => signIn("github", { callbackUrl })}>
              Continue with GitHub
            </Button>
          )}
          {providers.google && (
            <Button variant="outline" onClick={() => signIn("google", { callbackUrl })}>
              Continue with Google
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
