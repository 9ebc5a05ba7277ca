"use client";

import { useActionState } from "react";
import { useChoice } from "@/components/forms/select-field";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionState } from "@/lib/auth/action";
import {
  CheckboxField,
  FormMessage,
  SelectField,
  TextareaField,
  checkedDefault,
} from "../_components/form-bits";

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
  apps: { id: string; name: string; key: string }[];
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  notice?: string;
};

const UNITS = ["request", "image", "second", "token"] as const;
const MICROS_HINT = "Provider cost in micro-dollars: 1,000,000 µ$ = $1.";

export function ModelForm({ model, apps, action, submitLabel, notice }: Props) {
  const [state, formAction] = useActionState(action, {});
  // Which cost fields show follows the unit select, which keeps its choice through a refused submit.
  const unitChoice = useChoice(state, "unit", UNITS, model.unit);
  const unit = unitChoice.value;
  type Text = Exclude<keyof ModelFormValues, "id" | "enabled" | "free" | "beta">;
  const value = (name: Text) => state.values?.[name] ?? model[name];
  const errors = (name: string) => state.fieldErrors?.[name];
  // Token models are priced per 1K input/output tokens, the rest per unit. The other fields stay in
  // the form (hidden) so they post, and show again if they hold an error.
  const tokenErrors = errors("inputCostPer1kMicros") ?? errors("outputCostPer1kMicros");

  return (
    <form action={formAction} className="grid gap-5" noValidate>
      <FormMessage state={state} notice={notice} />
      {model.id ? <input type="hidden" name="id" value={model.id} /> : null}
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <SelectField label="App" name="appId" defaultValue={value("appId")} errors={errors("appId")} required>
          {model.appId ? null : <option value="">Choose an app…</option>}
          {apps.map((app) => (
            <option key={app.id} value={app.id}>
              {app.name} ({app.key})
            </option>
          ))}
        </SelectField>
        <FormField
          label="Slug"
          name="slug"
          defaultValue={value("slug")}
          errors={errors("slug")}
          autoComplete="off"
          required
          hint="The model key becomes app:slug, e.g. video-generator:veo-3."
        />
        <FormField
          label="Name"
          name="name"
          defaultValue={value("name")}
          errors={errors("name")}
          autoComplete="off"
          required
          maxLength={80}
        />
        <FormField
          label="Provider"
          name="provider"
          defaultValue={value("provider")}
          errors={errors("provider")}
          autoComplete="off"
          maxLength={40}
          hint="Upstream for the chat proxy, e.g. openai. Blank for none."
        />
      </div>
      <TextareaField
        label="Description"
        name="description"
        defaultValue={value("description")}
        errors={errors("description")}
        maxLength={300}
      />
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <SelectField label="Unit" name="unit" {...unitChoice} errors={errors("unit")}>
          <option value="request">Request</option>
          <option value="image">Image</option>
          <option value="second">Second (of video or audio)</option>
          <option value="token">Token (priced per 1K)</option>
        </SelectField>
        <div hidden={unit === "token" && !errors("costPerUnitMicros")}>
          <FormField
            label="Cost per unit (micro-dollars)"
            name="costPerUnitMicros"
            inputMode="numeric"
            defaultValue={value("costPerUnitMicros")}
            errors={errors("costPerUnitMicros")}
            hint={MICROS_HINT}
          />
        </div>
        <div hidden={unit !== "token" && !tokenErrors}>
          <FormField
            label="Input cost per 1K tokens (micro-dollars)"
            name="inputCostPer1kMicros"
            inputMode="numeric"
            defaultValue={value("inputCostPer1kMicros")}
            errors={errors("inputCostPer1kMicros")}
            hint={MICROS_HINT}
          />
        </div>
        <div hidden={unit !== "token" && !tokenErrors}>
          <FormField
            label="Output cost per 1K tokens (micro-dollars)"
            name="outputCostPer1kMicros"
            inputMode="numeric"
            defaultValue={value("outputCostPer1kMicros")}
            errors={errors("outputCostPer1kMicros")}
            hint={MICROS_HINT}
          />
        </div>
        <FormField
          label="Quota weight"
          name="quotaWeight"
          inputMode="numeric"
          defaultValue={value("quotaWeight")}
          errors={errors("quotaWeight")}
          hint="Daily quota units one unit of use costs (per 1K tokens for token models)."
        />
        <FormField
          label="Markup override (%)"
          name="markupOverridePercent"
          inputMode="decimal"
          defaultValue={value("markupOverridePercent")}
          errors={errors("markupOverridePercent")}
          hint="Blank uses the tier's markup, else the global default."
        />
        <FormField
          label="Order"
          name="sortOrder"
          inputMode="numeric"
          defaultValue={value("sortOrder")}
          errors={errors("sortOrder")}
          hint="Lower comes first within its app."
        />
      </div>
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Availability</legend>
        <CheckboxField
          label="Enabled"
          name="enabled"
          defaultChecked={checkedDefault(state, "enabled", model.enabled)}
          hint="Disabled models answer model_not_found."
        />
        <CheckboxField
          label="Free"
          name="free"
          defaultChecked={checkedDefault(state, "free", model.free)}
          hint="Calls cost nothing and use no quota."
        />
        <CheckboxField
          label="Beta"
          name="beta"
          defaultChecked={checkedDefault(state, "beta", model.beta)}
          hint="Shown with a beta badge."
        />
      </fieldset>
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
