"use client";

import { useChoice } from "@/components/forms/select-field";
import { FormField } from "@/components/forms/form-field";
import type { ActionState } from "@/lib/auth/action";
import { AdminForm, FieldGrid, useAdminForm } from "../../../_components/admin-form";
import { FormFields, type FieldSpec } from "../../../_components/form-fields";
import { CheckboxField, SelectField, TextareaField } from "../../../_components/form-bits";

export type ModelFormValues = {
  id?: string;
  appId: string;
  slug: string;
  name: string;
  description: string;
  provider: string;
  unit: "request" | "image" | "second" | "token";
  costPerUnitMicros: string;
  inputCostPer1kMicros: string;
  outputCostPer1kMicros: string;
  quotaWeight: string;
  markupOverridePercent: string;
  sortOrder: string;
  enabled: boolean;
  free: boolean;
  beta: boolean;
};

type Props = {
  model: ModelFormValues;
  /** Why the model's key (app and slug) is locked: usage was recorded under it. */
  keyLock?: string | null;
  apps: { id: string; name: string; key: string }[];
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  notice?: string;
};

const UNITS = ["request", "image", "second", "token"] as const;
const MICROS_HINT = "Provider cost in micro-dollars: 1,000,000 µ$ = $1.";

const NAME_FIELDS: FieldSpec<ModelFormValues>[] = [
  {
    name: "slug",
    label: "Slug",
    autoComplete: "off",
    required: true,
    hint: "The model key becomes app:slug, e.g. video-generator:veo-3.",
  },
  { name: "name", label: "Name", autoComplete: "off", required: true, maxLength: 80 },
  {
    name: "provider",
    label: "Provider",
    autoComplete: "off",
    maxLength: 40,
    hint: "Upstream for the chat proxy, e.g. openai. Blank for none.",
  },
];

const WEIGHT_FIELDS: FieldSpec<ModelFormValues>[] = [
  {
    name: "quotaWeight",
    label: "Quota weight",
    inputMode: "numeric",
    hint: "Daily quota units one unit of use costs (per 1K tokens for token models).",
  },
  {
    name: "markupOverridePercent",
    label: "Markup override (%)",
    inputMode: "decimal",
    hint: "Blank uses the tier's markup, else the global default.",
  },
  { name: "sortOrder", label: "Order", inputMode: "numeric", hint: "Lower comes first within its app." },
];

export function ModelForm({ model, keyLock, apps, action, submitLabel, notice }: Props) {
  const form = useAdminForm(action, model);
  const { state, errors } = form;
  // Which cost fields show follows the unit select, which keeps its choice through a refused submit.
  const unitChoice = useChoice(state, "unit", UNITS, model.unit);
  const unit = unitChoice.value;
  // Token models are priced per 1K input/output tokens, the rest per unit. The other fields stay in
  // the form (hidden) so they post, and show again if they hold an error.
  const tokenErrors = errors("inputCostPer1kMicros") ?? errors("outputCostPer1kMicros");
  const costFields = [
    {
      name: "costPerUnitMicros",
      label: "Cost per unit (micro-dollars)",
      hidden: unit === "token" && !errors("costPerUnitMicros"),
    },
    {
      name: "inputCostPer1kMicros",
      label: "Input cost per 1K tokens (micro-dollars)",
      hidden: unit !== "token" && !tokenErrors,
    },
    {
      name: "outputCostPer1kMicros",
      label: "Output cost per 1K tokens (micro-dollars)",
      hidden: unit !== "token" && !tokenErrors,
    },
  ] as const;

  return (
    <AdminForm form={form} recordId={model.id} notice={notice} submitLabel={submitLabel} className="gap-5">
      <FieldGrid>
        <SelectField label="App" {...form.field("appId")} required hint={keyLock ?? undefined}>
          {model.appId ? null : <option value="">Choose an app…</option>}
          {apps.map((app) => (
            <option key={app.id} value={app.id}>
              {app.name} ({app.key})
            </option>
          ))}
        </SelectField>
        <FormFields
          form={form}
          fields={NAME_FIELDS.map((f) =>
            f.name === "slug" && keyLock ? { ...f, readOnly: true, hint: keyLock } : f,
          )}
        />
      </FieldGrid>
      <TextareaField label="Description" {...form.field("description")} maxLength={300} />
      <FieldGrid>
        <SelectField label="Unit" name="unit" {...unitChoice} errors={errors("unit")}>
          <option value="request">Request</option>
          <option value="image">Image</option>
          <option value="second">Second (of video or audio)</option>
          <option value="token">Token (priced per 1K)</option>
        </SelectField>
        {costFields.map(({ name, label, hidden }) => (
          <div key={name} hidden={hidden}>
            <FormField label={label} {...form.field(name)} inputMode="numeric" hint={MICROS_HINT} />
          </div>
        ))}
        <FormFields form={form} fields={WEIGHT_FIELDS} />
      </FieldGrid>
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Availability</legend>
        <CheckboxField
          label="Enabled"
          {...form.checkbox("enabled")}
          hint="Disabled models answer model_not_found."
        />
        <CheckboxField label="Free" {...form.checkbox("free")} hint="Calls cost nothing and use no quota." />
        <CheckboxField label="Beta" {...form.checkbox("beta")} hint="Shown with a beta badge." />
      </fieldset>
    </AdminForm>
  );
}
