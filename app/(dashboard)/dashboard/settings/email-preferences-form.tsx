"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { ToggleField } from "@/components/forms/toggle-field";
import { useActionToast } from "@/components/forms/use-action-toast";
import type { EmailCategory } from "@/lib/notifications/preferences";
import { saveEmailPreferencesAction } from "./notification-actions";
import { FormError } from "@/components/forms/form-error";

// Labels come from the server page: the preferences module reads the database and can't ship to the browser.
type CategoryRow = { category: EmailCategory; label: string; description: string; enabled: boolean };

export function EmailPreferencesForm({ categories }: { categories: CategoryRow[] }) {
  const [state, action] = useActionState(saveEmailPreferencesAction, {});
  useActionToast(state);
  // React resets the form after an action, so the defaults follow what was just submitted.
  const isChecked = ({ category, enabled }: CategoryRow) =>
    state.values?.[category] ? state.values[category] === "on" : enabled;
  return (
    <form action={action} className="grid gap-4">
      <FormError error={state.error} />
      <fieldset className="grid gap-4">
        <legend className="sr-only">Emails you receive</legend>
        {categories.map((row) => (
          <ToggleField
            key={row.category}
            id={`email-${row.category}`}
            name={row.category}
            defaultChecked={isChecked(row)}
            label={row.label}
            description={row.description}
          />
        ))}
      </fieldset>
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        Save preferences
      </SubmitButton>
    </form>
  );
}
