"use client";

import { useActionState, useState } from "react";
import { useRouter } from "next/navigation";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmTwoFactorAction, disableTwoFactorAction, signOutEverywhereAction } from "./actions";
import { FormError } from "@/components/forms/form-error";

type Enrolment = { secret: string; uri: string; qrDataUrl: string } | null;

/** Enrol (QR + secret, confirm with a code), then the recovery codes once; or turn it off. */
export function TwoFactorSection({
  enabled,
  remaining,
  enrolment,
}: {
  enabled: boolean;
  remaining: number;
  enrolment: Enrolment;
}) {
  const [confirmState, confirm] = useActionState(confirmTwoFactorAction, {});
  const [disableState, disable] = useActionState(disableTwoFactorAction, {});
  const [saved, setSaved] = useState(false);
  const router = useRouter();

  // Kept in this component's state: shown once, until the user says they saved them.
  if (confirmState.recoveryCodes && !saved) {
    return (
      <div className="grid gap-4">
        <Alert variant="success">Two-factor authentication is on.</Alert>
        <p className="text-sm">
          Save these recovery codes somewhere safe. Each one signs you in once if you lose your authenticator.
          They are not shown again.
        </p>
        <ul
          aria-label="Recovery codes"
          className="grid grid-cols-2 gap-2 rounded-md border bg-muted p-4 font-mono text-sm"
        >
          {confirmState.recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <Button
          className="justify-self-start"
          onClick={() => {
            setSaved(true);
            router.refresh();
          }}
        >
          I saved my recovery codes
        </Button>
      </div>
    );
  }

  if (enabled) {
    return (
      <form action={disable} className="grid gap-4" noValidate>
        {disableState.error ? <Alert variant="error">{disableState.error}</Alert> : null}
        <p className="text-sm">
          <strong>On.</strong> {remaining} unused recovery code{remaining === 1 ? "" : "s"} left.
        </p>
        <FormField
          label="Code to turn it off"
          name="code"
          autoComplete="one-time-code"
          required
          hint="A code from your app or a recovery code."
          errors={disableState.fieldErrors?.code}
        />
        <SubmitButton variant="outline" className="justify-self-start" pendingLabel="Turning off…">
          Turn off two-factor authentication
        </SubmitButton>
      </form>
    );
  }

  if (!enrolment) return null;
  return (
    <form action={confirm} className="grid gap-4" noValidate>
      {disableState.ok && disableState.message ? (
        <Alert variant="success">{disableState.message}</Alert>
      ) : null}
      {confirmState.error ? <Alert variant="error">{confirmState.error}</Alert> : null}
      <p className="text-sm">
        Scan this QR code with your authenticator app, or enter the key by hand. Then type the 6-digit code it
        shows.
      </p>
      {/* A data: URL generated on the server; next/image adds nothing here. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={enrolment.qrDataUrl}
        alt="QR code for your authenticator app"
        width={220}
        height={220}
        className="rounded-md border bg-white"
      />
      <p className="text-sm">
        Key:{" "}
        <code data-testid="totp-secret" className="rounded bg-muted px-1 py-0.5 font-mono break-all">
          {enrolment.secret}
        </code>
      </p>
      <FormField
        label="Authentication code"
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        required
        errors={confirmState.fieldErrors?.code}
      />
      <SubmitButton className="justify-self-start" pendingLabel="Checking…">
        Turn on two-factor authentication
      </SubmitButton>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const [state, action] = useActionState(signOutEverywhereAction, {});
  return (
    <form action={action} className="grid gap-4">
      <FormError error={state.error} />
      <SubmitButton variant="outline" className="justify-self-start" pendingLabel="Signing out…">
        Sign out everywhere
      </SubmitButton>
    </form>
  );
}
