"use client";

import { useActionState } from "react";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextareaField } from "@/components/forms/textarea-field";
import { fieldFrom } from "@/components/forms/form-field";
import { Alert } from "@/components/ui/alert";
import { createScheduleAction } from "./actions";

export function ScheduleForm({ defaultRecipient }: { defaultRecipient: string }) {
  const [state, action] = useActionState(createScheduleAction, {});
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]" noValidate>
      {state.error ? (
        <Alert variant="error" className="sm:col-span-2">
          {state.error}
        </Alert>
      ) : state.ok ? (
        <Alert variant="success" className="sm:col-span-2">
          {state.message}
        </Alert>
      ) : null}
      <SelectField label="How often" {...fieldFrom(state, "frequency", "weekly")}>
        <option value="daily">Daily (yesterday)</option>
        <option value="weekly">Weekly (last Monday–Sunday)</option>
        <option value="monthly">Monthly (last month)</option>
      </SelectField>
      <TextareaField
        label="Recipients"
        {...fieldFrom(state, "recipients", defaultRecipient)}
        hint="Email addresses, separated by commas or new lines (at most 20)."
      />
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel="Scheduling…">Schedule report</SubmitButton>
      </div>
    </form>
  );
}
