"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { resendEmailAction } from "./actions";

// A resend is a new outbox row; on success the action opens it, so only errors render here.
export function ResendButton({ id }: { id: string }) {
  const [state, action] = useActionState(resendEmailAction, {});
  return (
    <form action={action} className="grid justify-items-start gap-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="outline" pendingLabel="Resending…">
        Resend
      </SubmitButton>
      {state.error ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
