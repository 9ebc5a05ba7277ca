"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useTransition } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { signUpAction } from "../actions";

// After the account exists, sign straight in so the verification link lands on the dashboard.
export function SignUpForm({ plan, interval }: { plan?: string; interval?: string }) {
  const [state, action, pending] = useActionState(signUpAction, {});
  const [signingIn, startSignIn] = useTransition();
  const password = useRef<HTMLInputElement>(null);
  const router = useRouter();

  useEffect(() => {
    if (!state.ok || !state.message) return;
    const email = state.message;
    startSignIn(async () => {
      await signIn("credentials", { email, password: password.current?.value ?? "", redirect: false });
      const next = new URLSearchParams({ email, ...(plan ? { plan } : {}), ...(interval ? { interval } : {}) });
      router.push(`/check-email?${next}`);
    });
  }, [state, plan, interval, router]);

  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error && <Alert variant="error">{state.error}</Alert>}
      <FormField label="Name" name="name" autoComplete="name" errors={state.fieldErrors?.name} />
      <FormField label="Email" name="email" type="email" autoComplete="email" required errors={state.fieldErrors?.email} />
      <FormField
        ref={password}
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        errors={state.fieldErrors?.password}
      />
      <SubmitButton pending={pending || signingIn} pendingLabel="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
