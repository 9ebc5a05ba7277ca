"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { unsubscribeAction } from "./actions";

const linkClass = "font-medium text-primary underline-offset-4 hover:underline";

export function UnsubscribeForm({ token, label }: { token: string; label: string }) {
  const [state, action] = useActionState(unsubscribeAction, {});
  const doneHeading = useRef<HTMLHeadingElement>(null);
  // The button disappears on success; keyboard and screen reader users land on the result instead.
  useEffect(() => {
    if (state.ok) doneHeading.current?.focus();
  }, [state.ok]);
  if (state.ok) {
    return (
      <>
        <CardHeader role="status">
          <h1 ref={doneHeading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
            You&apos;re unsubscribed from {label}.
          </h1>
          <CardDescription>
            Other emails from us are unaffected, and receipts and password resets always arrive.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Link href="/dashboard/settings" className={`text-sm ${linkClass}`}>
            Manage all email preferences
          </Link>
        </CardContent>
      </>
    );
  }
  return (
    <>
      <CardHeader>
        <h1 className="text-2xl font-semibold">Unsubscribe from {label}?</h1>
        <CardDescription>
          You&apos;ll stop getting these emails. You can turn them back on in your settings at any time.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {state.error ? (
          <Alert variant="error">
            {state.error}{" "}
            <Link href="/sign-in?callbackUrl=%2Fdashboard%2Fsettings" className={linkClass}>
              Sign in to manage your email preferences
            </Link>
            .
          </Alert>
        ) : null}
        <form action={action}>
          <input type="hidden" name="token" value={token} />
          <SubmitButton className="w-full" pendingLabel="Unsubscribing…">
            Unsubscribe
          </SubmitButton>
        </form>
      </CardContent>
    </>
  );
}
