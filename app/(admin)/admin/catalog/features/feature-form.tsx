"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { FormMessage, SelectField, TextareaField } from "../_components/form-bits";
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
  const [state, formAction] = useActionState(action, {});
  const errors = (name: string) => state.fieldErrors?.[name];
  const value = (name: Exclude<keyof FeatureFormValues, "id" | "key">) =>
    state.values?.[name] ?? feature[name];
  const idPrefix = feature.id ? "feature" : "new-feature";

  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormMessage state={state} />
      {feature.id ? <input type="hidden" name="id" value={feature.id} /> : null}
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField
          id={`${idPrefix}-code`}
          label="Key"
          name="code"
          defaultValue={state.values?.code ?? feature.key}
          errors={keyErrors(state.fieldErrors)}
          autoComplete="off"
          required
          hint="Lowercase letters, digits and underscores, e.g. team_seats. Apps check entitlements by it."
        />
        <FormField
          id={`${idPrefix}-name`}
          label="Name"
          name="name"
          defaultValue={value("name")}
          errors={errors("name")}
          autoComplete="off"
          required
          maxLength={80}
        />
        <FormField
          id={`${idPrefix}-category`}
          label="Category"
          name="category"
          defaultValue={value("category")}
          errors={errors("category")}
          maxLength={40}
          hint="Groups features on the pricing page."
        />
        <SelectField
          id={`${idPrefix}-kind`}
          label="Kind"
          name="kind"
          defaultValue={value("kind")}
          errors={errors("kind")}
        >
          <option value="boolean">Yes / no</option>
          <option value="limit">Numeric limit</option>
        </SelectField>
        <FormField
          id={`${idPrefix}-unit`}
          label="Unit (limits only)"
          name="unit"
          defaultValue={value("unit")}
          errors={errors("unit")}
          maxLength={20}
          hint="What a limit counts, e.g. seats."
        />
        <FormField
          id={`${idPrefix}-sortOrder`}
          label="Order"
          name="sortOrder"
          inputMode="numeric"
          defaultValue={value("sortOrder")}
          errors={errors("sortOrder")}
          hint="Lower comes first within its category."
        />
      </div>
      <TextareaField
        id={`${idPrefix}-description`}
        label="Description"
        name="description"
        defaultValue={value("description")}
        errors={errors("description")}
        maxLength={300}
      />
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
