"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { verifyChainAction, type VerifyState } from "./actions";

// Verification only reads, so it runs on demand; a large log takes a few seconds.
export function VerifyChain() {
  const [state, action] = useActionState(verifyChainAction, {} as VerifyState);
  return (
    <div className="grid gap-4">
      <form action={action}>
        <SubmitButton variant="outline" pendingLabel="Verifying…">
          Verify chain
        </SubmitButton>
      </form>
      {state.ok && state.message ? <Alert variant="success">{state.message}</Alert> : null}
      {state.broken ? (
        <Alert variant="error" className="break-words">
          {state.broken}
        </Alert>
      ) : null}
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      {state.note ? <p className="text-sm text-muted-foreground">{state.note}</p> : null}
    </div>
  );
}
