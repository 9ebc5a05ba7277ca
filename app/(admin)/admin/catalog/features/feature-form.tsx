"use client";

import type { ActionState } from "@/lib/auth/action";
import { AdminForm, FieldGrid, useAdminForm } from "../../../_components/admin-form";
import { FormFields, type FieldSpec } from "../../../_components/form-fields";
import { SelectField, TextareaField } from "../../../_components/form-bits";
import { KeyField } from "../_lib/key-field";

export type FeatureFormValues = {
  id?: string;
  key: string;
  name: string;
  description: string;
  category: string;
  kind: "boolean" | "limit";
  unit: string;
  sortOrder: string;
  /** Why the key is locked (plans grant the feature), or null. */
  keyLock?: string | null;
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

const NAME_FIELDS: FieldSpec<FeatureFormValues>[] = [
  { name: "name", label: "Name", autoComplete: "off", required: true, maxLength: 80 },
  { name: "category", label: "Category", maxLength: 40, hint: "Groups features on the pricing page." },
];

const LIMIT_FIELDS: FieldSpec<FeatureFormValues>[] = [
  { name: "unit", label: "Unit (limits only)", maxLength: 20, hint: "What a limit counts, e.g. seats." },
  { name: "sortOrder", label: "Order", inputMode: "numeric", hint: "Lower comes first within its category." },
];

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
        <KeyField
          prefix={prefix}
          label="Key"
          saved={feature.key}
          state={form.state}
          lock={feature.keyLock}
          hint="Lowercase letters, digits and underscores, e.g. team_seats. Apps check entitlements by it."
        />
        <FormFields form={form} fields={NAME_FIELDS} />
        <SelectField label="Kind" {...form.field("kind")}>
          <option value="boolean">Yes / no</option>
          <option value="limit">Numeric limit</option>
        </SelectField>
        <FormFields form={form} fields={LIMIT_FIELDS} />
      </FieldGrid>
      <TextareaField label="Description" {...form.field("description")} maxLength={300} />
    </AdminForm>
  );
}
