"use client";

import { useActionState } from "react";
import { FormField, fieldFrom } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormMessage } from "../../../_components/form-bits";
import { updateDefaultMarkupAction } from "./actions";

export function DefaultMarkupForm({ percent }: { percent: string }) {
  const [state, formAction] = useActionState(updateDefaultMarkupAction, {});
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormMessage state={state} />
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-full sm:w-56">
          <FormField
            label="Default markup (%)"
            {...fieldFrom(state, "defaultMarkupPercent", percent)}
            inputMode="decimal"
            required
            hint="Applies when neither the model nor the tier sets one."
          />
        </div>
        <SubmitButton className="sm:mt-6" pendingLabel="Saving…">
          Save default markup
        </SubmitButton>
      </div>
    </form>
  );
}
