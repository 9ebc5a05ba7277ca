"use client";

import { useActionState } from "react";
import { FormField, fieldFrom } from "@/components/forms/form-field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionToast } from "@/components/forms/use-action-toast";
import { Alert } from "@/components/ui/alert";
import { saveAutoTopUpAction } from "./actions";

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
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <input type="hidden" name="enabled" value="off" />
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          name="enabled"
          value="on"
          defaultChecked={values.enabled}
          className="mt-0.5 size-4 accent-primary"
        />
        <span>
          <span className="font-medium">Top up automatically with the saved card</span>
          <span className="block text-muted-foreground">
            When a call leaves the balance below the threshold, the pack is bought once.
          </span>
        </span>
      </label>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField
          label="When the balance falls below (credits)"
          inputMode="numeric"
          {...fieldFrom(state, "threshold", values.threshold)}
        />
        <SelectField label="Buy this pack" {...fieldFrom(state, "pack", values.pack)}>
          {packs.map((p) => (
            <option key={p.code} value={p.code}>
              {p.label}
            </option>
          ))}
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
