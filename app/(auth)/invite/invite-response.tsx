"use client";

import { signOutHere } from "@/components/shell/sign-out";
import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptInviteAction, declineInviteAction } from "./actions";

/** Accept and Decline, each its own POST; once declined, only the outcome stays. */
export function InviteResponse({ token, team }: { token: string; team: string }) {
  const [accepted, accept] = useActionState(acceptInviteAction, {});
  const [declined, decline] = useActionState(declineInviteAction, {});
  if (declined.ok) return <Alert variant="info">{declined.message}</Alert>;
  const error = accepted.error ?? declined.error;
  return (
    <div className="grid gap-4">
      {error ? <Alert variant="error">{error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <form action={accept}>
          <input type="hidden" name="token" value={token} />
          <SubmitButton pendingLabel="Joining…">Accept and join {team}</SubmitButton>
        </form>
        <form action={decline}>
          <input type="hidden" name="token" value={token} />
          <SubmitButton variant="outline" pendingLabel="Declining…">
            Decline
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}

/** Signed in as someone else: sign out and come back to the same invitation. */
export function SwitchAccountButton({ returnTo }: { returnTo: string }) {
  return (
    <Button
      variant="outline"
      onClick={() => void signOutHere(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`)}
    >
      Sign out and switch account
    </Button>
  );
}
