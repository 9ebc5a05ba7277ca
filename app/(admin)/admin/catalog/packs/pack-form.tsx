"use client";

import type { ActionState } from "@/lib/auth/action";
import { AdminForm, FieldGrid, useAdminForm } from "../../../_components/admin-form";
import { FormFields, type FieldSpec } from "../../../_components/form-fields";
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

const FIELDS: FieldSpec<PackFormValues>[] = [
  {
    name: "code",
    label: "Code",
    autoComplete: "off",
    required: true,
    hint: "Lowercase letters, digits and dashes, e.g. credits-50k.",
  },
  { name: "name", label: "Name", autoComplete: "off", required: true, maxLength: 60 },
  { name: "credits", label: "Credits", inputMode: "decimal", required: true, hint: "1 credit = $0.001." },
  {
    name: "bonusCredits",
    label: "Bonus credits",
    inputMode: "decimal",
    hint: "Added free on top; 0 for none.",
  },
  {
    name: "price",
    label: "Price ($)",
    inputMode: "decimal",
    required: true,
    hint: "In US dollars, e.g. 50 or 49.99.",
  },
  {
    name: "sortOrder",
    label: "Order",
    inputMode: "numeric",
    hint: "Lower comes first on the buy-credits page.",
  },
];

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
        <FormFields form={form} fields={FIELDS} />
      </FieldGrid>
      <CheckboxField label="Active" {...form.checkbox("active")} hint="Inactive packs can't be bought." />
    </AdminForm>
  );
}
