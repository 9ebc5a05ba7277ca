"use client";

import { useChoice } from "@/components/forms/select-field";
import type { ActionState } from "@/lib/auth/action";
import { AdminForm, FieldGrid, useAdminForm } from "../../../_components/admin-form";
import { FormFields, type FieldSpec } from "../../../_components/form-fields";
import { SelectField, TextareaField } from "../../../_components/form-bits";

export type RuleFormValues = {
  id?: string;
  kind: "time_of_day" | "volume";
  name: string;
  scope: string;
  effectiveFrom: string;
  start: string;
  end: string;
  weekdays: string;
  multiplier: string;
  steps: string;
};

export const emptyRule: RuleFormValues = {
  kind: "time_of_day",
  name: "",
  scope: "",
  effectiveFrom: "",
  start: "14:00",
  end: "18:00",
  weekdays: "",
  multiplier: "1.5",
  steps: "1000000: 10\n10000000: 20",
};

const KINDS = ["time_of_day", "volume"] as const;

const COMMON_FIELDS: FieldSpec<RuleFormValues>[] = [
  { name: "name", label: "Name", autoComplete: "off", required: true, maxLength: 80 },
  {
    name: "effectiveFrom",
    label: "Effective from (UTC)",
    type: "datetime-local",
    hint: "Blank: now. Charges before it keep the version they used.",
  },
];

const TIME_FIELDS: FieldSpec<RuleFormValues>[] = [
  { name: "start", label: "Start (UTC)", autoComplete: "off", hint: "e.g. 14:00" },
  { name: "end", label: "End (UTC)", autoComplete: "off", hint: "Up to 24:00; must be after the start." },
  {
    name: "weekdays",
    label: "Weekdays",
    autoComplete: "off",
    hint: "e.g. Mon, Tue, Wed, Thu, Fri. Blank: every day.",
  },
  {
    name: "multiplier",
    label: "Multiplier",
    inputMode: "decimal",
    hint: "0.1 to 10; 1.5 charges 50 % more in the window.",
  },
];

type Scope = { value: string; label: string };

type Props = {
  rule: RuleFormValues;
  /** Models and plan tiers a new rule can apply to; an edit keeps its scope. */
  scopes: { models: Scope[]; tiers: Scope[] } | null;
  scopeLabel?: string;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
};

export function RuleForm({ rule, scopes, scopeLabel, action, submitLabel }: Props) {
  const form = useAdminForm(action, rule, rule.id ? "rule" : "new-rule");
  const kind = useChoice(form.state, "kind", KINDS, rule.kind);
  return (
    <AdminForm
      form={form}
      recordId={rule.id}
      hidden={scopes ? undefined : { kind: rule.kind, scope: rule.scope }}
      submitLabel={submitLabel}
    >
      <FieldGrid>
        {scopes ? (
          <>
            <SelectField label="Kind" name="kind" {...kind} errors={form.errors("kind")}>
              <option value="time_of_day">Time of day (multiplier)</option>
              <option value="volume">Volume (monthly steps)</option>
            </SelectField>
            <SelectField label="Applies to" {...form.field("scope")} required>
              <option value="">Choose a model or plan tier…</option>
              <optgroup label="Plan tiers (every model on the plan)">
                {scopes.tiers.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Models">
                {scopes.models.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </optgroup>
            </SelectField>
          </>
        ) : (
          <p className="text-sm sm:col-span-2">
            <span className="font-medium">Applies to:</span> {scopeLabel}
          </p>
        )}
        <FormFields form={form} fields={COMMON_FIELDS} />
      </FieldGrid>
      <div hidden={kind.value !== "time_of_day"}>
        <FieldGrid>
          <FormFields form={form} fields={TIME_FIELDS} />
        </FieldGrid>
      </div>
      <div hidden={kind.value !== "volume"}>
        <TextareaField
          label="Steps"
          {...form.field("steps")}
          rows={4}
          hint="One per line, “threshold: discount %”: from that many units of the model this UTC month (tokens in + out), the price is that much lower. Thresholds go up; discounts 0 to 90 %."
        />
      </div>
    </AdminForm>
  );
}
