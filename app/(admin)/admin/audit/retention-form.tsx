"use client";

import { useActionState } from "react";
import { FormField, fieldFrom } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { saveRetentionAction } from "./actions";

export function RetentionForm({ days }: { days: number }) {
  const [state, action] = useActionState(saveRetentionAction, {});
  return (
    <div className="grid gap-4">
      {state.ok && state.message ? <Alert variant="success">{state.message}</Alert> : null}
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <form
        action={action}
        className="grid gap-4 sm:grid-cols-[minmax(0,14rem)_auto] sm:items-start"
        noValidate
      >
        <FormField
          id="audit-retention-days"
          label="Keep entries for (days)"
          {...fieldFrom(state, "days", days)}
          type="number"
          inputMode="numeric"
          min={30}
          max={3650}
          step={1}
          required
          hint="Between 30 and 3,650 days."
        />
        {/* Lines the button up with the input, below its label, on wider screens. */}
        <SubmitButton className="sm:mt-6" pendingLabel="Saving…">
          Save retention
        </SubmitButton>
      </form>
    </div>
  );
}
