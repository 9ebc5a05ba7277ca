"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { FormMessage, TextareaField } from "../_components/form-bits";
import { keyErrors } from "../_lib/rename-key";

export type AppFormValues = {
  id?: string;
  key: string;
  name: string;
  description: string;
  sortOrder: string;
};

export const emptyApp: AppFormValues = { key: "", name: "", description: "", sortOrder: "0" };

type Props = {
  app: AppFormValues;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
};

export function AppForm({ app, action, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, {});
  const errors = (name: string) => state.fieldErrors?.[name];
  const prefix = app.id ? "app" : "new-app";
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormMessage state={state} />
      {app.id ? <input type="hidden" name="id" value={app.id} /> : null}
      <div className="grid items-start gap-4 sm:grid-cols-3">
        <FormField
          id={`${prefix}-code`}
          label="App key"
          name="code"
          defaultValue={state.values?.code ?? app.key}
          errors={keyErrors(state.fieldErrors)}
          autoComplete="off"
          required
          hint={
            app.id
              ? "Renaming changes the key of every model in this app; calls using old keys will fail."
              : "Lowercase letters, digits and dashes, e.g. video-generator."
          }
        />
        <FormField
          id={`${prefix}-name`}
          label="App name"
          name="name"
          defaultValue={state.values?.name ?? app.name}
          errors={errors("name")}
          autoComplete="off"
          required
          maxLength={80}
        />
        <FormField
          id={`${prefix}-sortOrder`}
          label="Order"
          name="sortOrder"
          inputMode="numeric"
          defaultValue={state.values?.sortOrder ?? app.sortOrder}
          errors={errors("sortOrder")}
        />
      </div>
      <TextareaField
        id={`${prefix}-description`}
        label="App description"
        name="description"
        defaultValue={state.values?.description ?? app.description}
        errors={errors("description")}
        maxLength={300}
      />
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
