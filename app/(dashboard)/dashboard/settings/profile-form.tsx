"use client";

import { useActionState } from "react";
import { FormField, fieldFrom } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionToast } from "@/components/forms/use-action-toast";
import { updateProfileAction } from "../../actions";
import { FormError } from "@/components/forms/form-error";

export function ProfileForm({ name, email }: { name: string; email: string }) {
  const [state, action] = useActionState(updateProfileAction, {});
  useActionToast(state);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormError error={state.error} />
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
