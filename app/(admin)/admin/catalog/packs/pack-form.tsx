"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { CheckboxField, FormMessage, checkedDefault } from "../_components/form-bits";

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
  const [state, formAction] = useActionState(action, {});
  const value = (name: Exclude<keyof PackFormValues, "id" | "active">) => state.values?.[name] ?? pack[name];
  const errors = (name: string) => state.fieldErrors?.[name];
  const prefix = pack.id ? "pack" : "new-pack";
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormMessage state={state} />
      {pack.id ? <input type="hidden" name="id" value={pack.id} /> : null}
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField
          id={`${prefix}-code`}
          label="Code"
          name="code"
          defaultValue={value("code")}
          errors={errors("code")}
          autoComplete="off"
          required
          hint="Lowercase letters, digits and dashes, e.g. credits-50k."
        />
        <FormField
          id={`${prefix}-name`}
          label="Name"
          name="name"
          defaultValue={value("name")}
          errors={errors("name")}
          autoComplete="off"
          required
          maxLength={60}
        />
        <FormField
          id={`${prefix}-credits`}
          label="Credits"
          name="credits"
          inputMode="decimal"
          defaultValue={value("credits")}
          errors={errors("credits")}
          required
          hint="1 credit = $0.001."
        />
        <FormField
          id={`${prefix}-bonusCredits`}
          label="Bonus credits"
          name="bonusCredits"
          inputMode="decimal"
          defaultValue={value("bonusCredits")}
          errors={errors("bonusCredits")}
          hint="Added free on top; 0 for none."
        />
        <FormField
          id={`${prefix}-price`}
          label="Price ($)"
          name="price"
          inputMode="decimal"
          defaultValue={value("price")}
          errors={errors("price")}
          required
          hint="In US dollars, e.g. 50 or 49.99."
        />
        <FormField
          id={`${prefix}-sortOrder`}
          label="Order"
          name="sortOrder"
          inputMode="numeric"
          defaultValue={value("sortOrder")}
          errors={errors("sortOrder")}
          hint="Lower comes first on the buy-credits page."
        />
      </div>
      <CheckboxField
        id={`${prefix}-active`}
        label="Active"
        name="active"
        defaultChecked={checkedDefault(state, "active", pack.active)}
        hint="Inactive packs can't be bought."
      />
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
