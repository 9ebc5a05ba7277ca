"use client";

import { FormField } from "@/components/forms/form-field";
import type { ActionState } from "@/lib/auth/action";
import { AdminForm, FieldGrid, useAdminForm } from "../../../_components/admin-form";
import { CheckboxField } from "../../../_components/form-bits";

export type PackFormValues = {
  id?: string;
  code: string;
  name: string;
  credits: string;
  bonusCredits: string;
  price: string;
  sortOrder: string;
  active: boolean;
};

export const emptyPack: PackFormValues = {
  code: "",
  name: "",
  credits: "",
  bonusCredits: "0",
  price: "",
  sortOrder: "0",
  active: true,
};

type Props = {
  pack: PackFormValues;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
};

export function PackForm({ pack, action, submitLabel }: Props) {
  const form = useAdminForm(action, pack, pack.id ? "pack" : "new-pack");
  return (
    <AdminForm form={form} recordId={pack.id} submitLabel={submitLabel}>
      <FieldGrid>
        <FormField
          label="Code"
          {...form.field("code")}
          autoComplete="off"
          required
          hint="Lowercase letters, digits and dashes, e.g. credits-50k."
        />
        <FormField label="Name" {...form.field("name")} autoComplete="off" required maxLength={60} />
        <FormField
          label="Credits"
          {...form.field("credits")}
          inputMode="decimal"
          required
          hint="1 credit = $0.001."
        />
        <FormField
          label="Bonus credits"
          {...form.field("bonusCredits")}
          inputMode="decimal"
          hint="Added free on top; 0 for none."
        />
        <FormField
          label="Price ($)"
          {...form.field("price")}
          inputMode="decimal"
          required
          hint="In US dollars, e.g. 50 or 49.99."
        />
        <FormField
          label="Order"
          {...form.field("sortOrder")}
          inputMode="numeric"
          hint="Lower comes first on the buy-credits page."
        />
      </FieldGrid>
      <CheckboxField label="Active" {...form.checkbox("active")} hint="Inactive packs can't be bought." />
    </AdminForm>
  );
}
