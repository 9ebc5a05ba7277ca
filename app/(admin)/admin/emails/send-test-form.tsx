"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormField, fieldFrom } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/forms/select-field";
import { sendTestEmailAction, type SendTestState } from "./actions";
import { SelectOptions } from "@/components/ui/native-select";
import { FormError } from "@/components/forms/form-error";

type Props = { templates: { name: string; subject: string }[]; defaultTemplate: string; defaultTo: string };

export function SendTestForm({ templates, defaultTemplate, defaultTo }: Props) {
  const [state, action] = useActionState(sendTestEmailAction, {} as SendTestState);
  const templateErrors = state.fieldErrors?.template;
  return (
    <div className="grid gap-4">
      {state.ok && state.message ? (
        <Alert variant="success">
          {state.message}{" "}
          {state.outboxId ? (
            <Link
              href={`/admin/outbox/${state.outboxId}`}
              className="rounded-sm font-medium text-primary underline underline-offset-4 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              Open it in the outbox
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <FormError error={state.error} />
      <form
        action={action}
        className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start"
        noValidate
      >
        <SelectField
          id="test-template"
          label="Template"
          name="template"
          required
          defaultValue={state.values?.template ?? defaultTemplate}
          errors={templateErrors}
        >
          <SelectOptions options={templates.map((t) => t.name)} />
        </SelectField>
        <FormField
          id="test-to"
          label="Recipient"
          {...fieldFrom(state, "to", defaultTo)}
          type="email"
          required
          autoComplete="email"
        />
        {/* Lines the button up with the inputs, below their labels, on wider screens. */}
        <SubmitButton className="sm:mt-7" pendingLabel="Sending…">
          Send test email
        </SubmitButton>
      </form>
    </div>
  );
}
