"use client";

import { FormField } from "@/components/forms/form-field";
import type { ActionState } from "@/lib/auth/action";
import { AdminForm, FieldGrid, useAdminForm } from "../../../_components/admin-form";
import { SelectField, TextareaField } from "../../../_components/form-bits";
import { keyErrors } from "../_lib/rename-key";

export type FeatureFormValues = {
  id?: string;
  key: string;
  name: string;
  description: string;
  category: string;
  kind: "boolean" | "limit";
  unit: string;
  sortOrder: string;
};

export const emptyFeature: FeatureFormValues = {
  key: "",
  name: "",
  description: "",
  category: "General",
  kind: "boolean",
  unit: "",
  sortOrder: "0",
};

type Props = {
  feature: FeatureFormValues;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
};

export function FeatureForm({ feature, action, submitLabel }: Props) {
  const prefix = feature.id ? "feature" : "new-feature";
  const form = useAdminForm(action, feature, prefix);
  return (
    <AdminForm form={form} recordId={feature.id} submitLabel={submitLabel}>
      <FieldGrid>
        <FormField
          id={`${prefix}-code`}
          label="Key"
          name="code"
          defaultValue={form.state.values?.code ?? feature.key}
          errors={keyErrors(form.state.fieldErrors)}
          autoComplete="off"
          required
          hint="Lowercase letters, digits and underscores, e.g. team_seats. Apps check entitlements by it."
        />
        <FormField label="Name" {...form.field("name")} autoComplete="off" required maxLength={80} />
        <FormField
          label="Category"
          {...form.field("category")}
          maxLength={40}
          hint="Groups features on the pricing page."
        />
        <SelectField label="Kind" {...form.field("kind")}>
          <option value="boolean">Yes / no</option>
          <option value="limit">Numeric limit</option>
        </SelectField>
        <FormField
          label="Unit (limits only)"
          {...form.field("unit")}
          maxLength={20}
          hint="What a limit counts, e.g. seats."
        />
        <FormField
          label="Order"
          {...form.field("sortOrder")}
          inputMode="numeric"
          hint="Lower comes first within its category."
        />
      </FieldGrid>
      <TextareaField label="Description" {...form.field("description")} maxLength={300} />
    </AdminForm>
  );
}
