"use client";

import { useActionState } from "react";
import { FormField, fieldFrom } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionToast } from "@/components/forms/use-action-toast";
import { Alert } from "@/components/ui/alert";
import { updateProfileAction } from "../../actions";

export function ProfileForm({ name, email }: { name: string; email: string }) {
  const [state, action] = useActionState(updateProfileAction, {});
  useActionToast(state);
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <FormField label="Name" {...fieldFrom(state, "name", name)} autoComplete="name" maxLength={100} />
      <FormField
        label="Email"
        name="email"
        id="profile-email"
        type="email"
        value={email}
        readOnly
        className="bg-muted text-muted-foreground"
        hint="Your sign-in address can't be changed here."
      />
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        Save profile
      </SubmitButton>
    </form>
  );
}
