"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Props = { callbackUrl: string; providers: { github: boolean; google: boolean } };

export function SignInForm({ callbackUrl, providers }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      const result = await signIn("credentials", {
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        // authorize() errors arrive as their message (wrong password, too many attempts).
        setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.");
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    });
  }

  return (
    <div className="grid gap-4">
      <form onSubmit={onSubmit} className="grid gap-4" noValidate>
        {error && <Alert variant="error">{error}</Alert>}
        <FormField label="Email" name="email" type="email" autoComplete="email" required />
        <FormField label="Password" name="password" type="password" autoComplete="current-password" required />
        <SubmitButton pending={pending} pendingLabel="Signing in…">Sign in</SubmitButton>
      </form>
      {(providers.github || providers.google) && (
        <div className="grid gap-2 border-t pt-4">
          {providers.github && (
            <Button variant="outline" onClick={() => signIn("github", { callbackUrl })}>Continue with GitHub</Button>
          )}
          {providers.google && (
            <Button variant="outline" onClick={() => signIn("google", { callbackUrl })}>Continue with Google</Button>
          )}
        </div>
      )}
    </div>
  );
}
