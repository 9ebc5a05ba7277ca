"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { createEndpointAction } from "./actions";
import { EventCheckboxes } from "./event-checkboxes";
import { FormError } from "@/components/forms/form-error";

export function EndpointForm() {
  const [state, action] = useActionState(createEndpointAction, {});
  const values = state.values;
  return (
    // Keyed on the outcome so a successful add clears the form and a refused one keeps what was typed.
    <form key={state.ok ? `ok-${state.message}` : "form"} action={action} className="grid gap-4" noValidate>
      <FormError error={state.error} />
      {state.ok ? <Alert variant="success">{state.message}</Alert> : null}
      <FormField
        label="Endpoint URL"
        name="url"
        type="url"
        required
        autoComplete="off"
        placeholder="https://example.com/webhooks/tollgate"
        defaultValue={values?.url ?? ""}
        errors={state.fieldErrors?.url}
        hint="Tollgate POSTs JSON here. Use https:// (plain http only for localhost)."
      />
      <FormField
        label="Description (optional)"
        name="description"
        maxLength={200}
        autoComplete="off"
        defaultValue={values?.description ?? ""}
        errors={state.fieldErrors?.description}
      />
      <EventCheckboxes
        idPrefix="new"
        checked={(type) => (values ? values[`event:${type}`] === "on" : false)}
        errors={state.fieldErrors?.eventTypes}
      />
      <SubmitButton className="justify-self-start" pendingLabel="Adding…">
        Add endpoint
      </SubmitButton>
    </form>
  );
}
