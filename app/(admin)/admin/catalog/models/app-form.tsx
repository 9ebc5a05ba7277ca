"use client";

import { FormField } from "@/components/forms/form-field";
import type { ActionState } from "@/lib/auth/action";
import { AdminForm, FieldGrid, useAdminForm } from "../../../_components/admin-form";
import { TextareaField } from "../../../_components/form-bits";
import { KeyField } from "../_lib/key-field";

export type AppFormValues = {
  id?: string;
  key: string;
  name: string;
  description: string;
  sortOrder: string;
  /** Why the key is locked (usage under its models' keys), or null. */
  keyLock?: string | null;
};

export const emptyApp: AppFormValues = { key: "", name: "", description: "", sortOrder: "0" };

type Props = {
  app: AppFormValues;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
};

export function AppForm({ app, action, submitLabel }: Props) {
  const prefix = app.id ? "app" : "new-app";
  const form = useAdminForm(action, app, prefix);
  return (
    <AdminForm form={form} recordId={app.id} submitLabel={submitLabel}>
      <FieldGrid className="sm:grid-cols-3">
        <KeyField
          prefix={prefix}
          label="App key"
          saved={app.key}
          state={form.state}
          lock={app.keyLock}
          hint={
            app.id
              ? "Renaming changes the key of every model in this app; calls using old keys will fail."
              : "Lowercase letters, digits and dashes, e.g. video-generator."
          }
        />
        <FormField label="App name" {...form.field("name")} autoComplete="off" required maxLength={80} />
        <FormField label="Order" {...form.field("sortOrder")} inputMode="numeric" />
      </FieldGrid>
      <TextareaField label="App description" {...form.field("description")} maxLength={300} />
    </AdminForm>
  );
}
