"use client";

import { FormField } from "@/components/forms/form-field";
import { SelectField, useChoice } from "@/components/forms/select-field";
import { AdminForm, FieldGrid, useAdminForm } from "../../_components/admin-form";
import { FormFields, type FieldSpec } from "../../_components/form-fields";
import { createCouponAction } from "./actions";

const KINDS = ["credits", "percent_off"] as const;
const EMPTY = { code: "", credits: "", percentOff: "", maxRedemptions: "", expiresOn: "" };

type Values = typeof EMPTY;

// The value field of each kind; the kind's own error shows on it.
const VALUE_FIELDS = {
  credits: {
    name: "credits",
    label: "Credits",
    inputMode: "decimal",
    hint: "Added to the redeeming workspace's balance.",
  },
  percent_off: {
    name: "percentOff",
    label: "Percent off",
    inputMode: "numeric",
    hint: "A whole number from 1 to 100, taken off the plan's price.",
  },
} satisfies Record<(typeof KINDS)[number], FieldSpec<Values>>;

const LIMIT_FIELDS: FieldSpec<Values>[] = [
  { name: "maxRedemptions", label: "Max redemptions", inputMode: "numeric", hint: "Blank for no limit." },
  { name: "expiresOn", label: "Expires on", type: "date", hint: "Valid through the end of this day (UTC)." },
];

export function CouponForm() {
  const form = useAdminForm(createCouponAction, EMPTY);
  const { state } = form;
  // The value field shown follows the select, which keeps its choice through a refused submit.
  const choice = useChoice(state, "kind", KINDS, "credits");
  const kind = choice.value;
  const value = VALUE_FIELDS[kind];
  return (
    <AdminForm form={form} submitLabel="Create coupon" pendingLabel="Creating…">
      <FieldGrid>
        <FormField
          label="Code"
          {...form.field("code")}
          autoComplete="off"
          hint="Letters, digits, dashes; people type it in any case."
        />
        <SelectField
          label="Kind"
          name="kind"
          {...choice}
          hint={
            kind === "credits"
              ? "Redeemed on the Credits page, once per workspace."
              : "Entered when paying for a plan, once per workspace."
          }
        >
          <option value="credits">Credits</option>
          <option value="percent_off">Percent off at checkout</option>
        </SelectField>
        <FormField
          key={value.name} // switching kinds starts the other field fresh
          {...value}
          defaultValue={form.field(value.name).defaultValue}
          errors={state.fieldErrors?.[value.name] ?? state.fieldErrors?.kind}
        />
        <FormFields form={form} fields={LIMIT_FIELDS} />
      </FieldGrid>
    </AdminForm>
  );
}
