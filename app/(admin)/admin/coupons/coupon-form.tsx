"use client";

import { FormField } from "@/components/forms/form-field";
import { SelectField, useChoice } from "@/components/forms/select-field";
import { AdminForm, FieldGrid, useAdminForm } from "../../_components/admin-form";
import { createCouponAction } from "./actions";

const KINDS = ["credits", "percent_off"] as const;
const EMPTY = { code: "", credits: "", percentOff: "", maxRedemptions: "", expiresOn: "" };

export function CouponForm() {
  const form = useAdminForm(createCouponAction, EMPTY);
  const { state } = form;
  // The value field shown follows the select, which keeps its choice through a refused submit.
  const choice = useChoice(state, "kind", KINDS, "credits");
  const kind = choice.value;
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
        {kind === "credits" ? (
          <FormField
            key="credits"
            label="Credits"
            name="credits"
            inputMode="decimal"
            defaultValue={form.field("credits").defaultValue}
            errors={state.fieldErrors?.credits ?? state.fieldErrors?.kind}
            hint="Added to the redeeming workspace's balance."
          />
        ) : (
          <FormField
            key="percentOff"
            label="Percent off"
            name="percentOff"
            inputMode="numeric"
            defaultValue={form.field("percentOff").defaultValue}
            errors={state.fieldErrors?.percentOff ?? state.fieldErrors?.kind}
            hint="A whole number from 1 to 100, taken off the plan's price."
          />
        )}
        <FormField
          label="Max redemptions"
          {...form.field("maxRedemptions")}
          inputMode="numeric"
          hint="Blank for no limit."
        />
        <FormField
          label="Expires on"
          {...form.field("expiresOn")}
          type="date"
          hint="Valid through the end of this day (UTC)."
        />
      </FieldGrid>
    </AdminForm>
  );
}
