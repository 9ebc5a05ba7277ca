"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useTransition } from "react";
import { FormField, fieldFrom } from "@/components/forms/form-field";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import type { ActionState } from "@/lib/auth/action";
import type { Choice } from "@/lib/payments/plan-choice";
import { signUpAction } from "../actions";

// After the account exists, sign straight in so the verification link lands on the dashboard.
type Props = {
  /** What was picked on the pricing page: kept until the email is verified, then paid for. */
  choice: Choice | null;
  referralCode?: string;
  /** Same-site path to go on to (an invitation). */ callbackUrl?: string;
  email?: string;
};

export function SignUpForm({ choice, referralCode, callbackUrl, email: invitedEmail }: Props) {
  const password = useRef("");
  // React clears the form once the action settles, so keep the password for the sign-in that follows.
  const [state, action, pending] = useActionState((prev: ActionState, formData: FormData) => {
    password.current = String(formData.get("password") ?? "");
    return signUpAction(prev, formData);
  }, {});
  const [signingIn, startSignIn] = useTransition();
  const router = useRouter();

  useEffect(() => {
    if (!state.ok || !state.message) return;
    const email = state.message;
    startSignIn(async () => {
      await signIn("credentials", { email, password: password.current, redirect: false });
      if (callbackUrl) {
        router.push(callbackUrl);
        router.refresh();
        return;
      }
      router.push(`/check-email?${new URLSearchParams({ email })}`);
    });
  }, [state, router, callbackUrl]);

  return (
    <form action={action} className="grid gap-4" noValidate>
      {choice
        ? Object.entries(choice)
            .filter(([name]) => name !== "kind")
            .map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
        : null}
      {referralCode ? <input type="hidden" name="ref" value={referralCode} /> : null}
      {state.error && <Alert variant="error">{state.error}</Alert>}
      <FormField label="Name" {...fieldFrom(state, "name")} autoComplete="name" />
      <FormField
        label="Email"
        {...fieldFrom(state, "email", invitedEmail)}
        type="email"
        autoComplete="email"
        required
      />
      <PasswordField kind="new" label="Password" name="password" errors={state.fieldErrors?.password} />
      <SubmitButton pending={pending || signingIn} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
