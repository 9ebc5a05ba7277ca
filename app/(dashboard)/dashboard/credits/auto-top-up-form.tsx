"use client";

import { useActionState } from "react";
import { FormField, fieldFrom } from "@/components/forms/form-field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionToast } from "@/components/forms/use-action-toast";
import { saveAutoTopUpAction } from "./actions";
import { ToggleField } from "@/components/forms/toggle-field";
import { SelectOptions } from "@/components/ui/native-select";
import { FormError } from "@/components/forms/form-error";

export type AutoTopUpValues = {
  enabled: boolean;
  /** Whole credits and whole dollars, as the form takes them. */
  threshold: number;
  pack: string;
  cap: number;
};

/** Threshold, pack and monthly cap; saving also resumes an auto top-up paused by a decline. */
export function AutoTopUpForm({
  values,
  packs,
}: {
  values: AutoTopUpValues;
  packs: { code: string; label: string }[];
}) {
  const [state, action] = useActionState(saveAutoTopUpAction, {});
  useActionToast(state);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormError error={state.error} />
      <ToggleField
        name="enabled"
        defaultChecked={values.enabled}
        label="Top up automatically with the saved card"
        description="When a call leaves the balance below the threshold, the pack is bought once."
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField
          label="When the balance falls below (credits)"
          inputMode="numeric"
          {...fieldFrom(state, "threshold", values.threshold)}
        />
        <SelectField label="Buy this pack" {...fieldFrom(state, "pack", values.pack)}>
          <SelectOptions options={packs.map((p) => ({ value: p.code, label: p.label }))} />
        </SelectField>
        <FormField
          label="Monthly cap (US$)"
          inputMode="numeric"
          hint="Auto top-ups stop for the month before passing this."
          {...fieldFrom(state, "cap", values.cap)}
        />
      </div>
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        Save auto top-up
      </SubmitButton>
    </form>
  );
}
