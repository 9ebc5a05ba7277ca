"use client";

import { useActionState } from "react";
import { fieldFrom } from "@/components/forms/form-field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextareaField } from "@/components/forms/textarea-field";
import { useActionToast } from "@/components/forms/use-action-toast";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { CANCEL_REASONS } from "@/lib/billing/cancellation";
import { setCancelAction } from "./actions";
import { SelectOptions } from "@/components/ui/native-select";
import { FormError } from "@/components/forms/form-error";

/**
 * Switching to pay as you go: cancel at period end (confirmed in a dialog) or resume a plan that is
 * set to end.
 */
export function CancelPlan({ endsOn, cancelling }: { endsOn: string; cancelling: boolean }) {
  const [state, action] = useActionState(setCancelAction, {});
  useActionToast(state);
  if (!cancelling) {
    return (
      <ConfirmButton
        trigger="Cancel plan (switch to pay as you go)"
        triggerVariant="outline"
        triggerSize="sm"
        triggerClassName="h-auto min-h-9 justify-self-start py-2 text-left whitespace-normal"
        title="Cancel your plan at period end?"
        description={`Keep everything until ${endsOn}, then switch to pay as you go on the free plan. We email you a confirmation.`}
        confirmLabel="Yes, cancel at period end"
        pendingLabel="Cancelling…"
        action={setCancelAction}
        fields={{ cancel: "yes" }}
        inputs={(state) => (
          <>
            <SelectField label="Why are you cancelling? (optional)" {...fieldFrom(state, "reason", "")}>
              <SelectOptions
                blank="Prefer not to say"
                options={Object.entries(CANCEL_REASONS).map(([value, label]) => ({ value, label }))}
              />
            </SelectField>
            <TextareaField
              label="Anything we could do better? (optional)"
              {...fieldFrom(state, "comment")}
              maxLength={1000}
            />
          </>
        )}
      />
    );
  }
  return (
    <form action={action} className="grid gap-3">
      <FormError error={state.error} />
      <div className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="cancel" value="no" />
        <p className="text-sm">Your plan ends on {endsOn}; after that the workspace is on the free plan.</p>
        <SubmitButton size="sm" pendingLabel="Resuming…">
          Resume plan
        </SubmitButton>
      </div>
    </form>
  );
}
