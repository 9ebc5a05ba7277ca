"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SelectField, useChoice } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { createCouponAction } from "./actions";

const KINDS = ["credits", "percent_off"] as const;

export function CouponForm() {
  const [state, action] = useActionState(createCouponAction, {});
  // The value field shown follows the select, which keeps its choice through a refused submit.
  const choice = useChoice(state, "kind", KINDS, "credits");
  const kind = choice.value;
  const v = state.values ?? {};
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error ? (
        <Alert variant="error">{state.error}</Alert>
      ) : state.ok ? (
        <Alert variant="success">{state.message}</Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label="Code"
          name="code"
          autoComplete="off"
          defaultValue={v.code}
          errors={state.fieldErrors?.code}
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
            defaultValue={v.credits}
            errors={state.fieldErrors?.credits ?? state.fieldErrors?.kind}
            hint="Added to the redeeming workspace's balance."
          />
        ) : (
          <FormField
            key="percentOff"
            label="Percent off"
            name="percentOff"
            inputMode="numeric"
            defaultValue={v.percentOff}
            errors={state.fieldErrors?.percentOff ?? state.fieldErrors?.kind}
            hint="A whole number from 1 to 100, taken off the plan's price."
          />
        )}
        <FormField
          label="Max redemptions"
          name="maxRedemptions"
          inputMode="numeric"
          defaultValue={v.maxRedemptions}
          errors={state.fieldErrors?.maxRedemptions}
          hint="Blank for no limit."
        />
        <FormField
          label="Expires on"
          name="expiresOn"
          type="date"
          defaultValue={v.expiresOn}
          errors={state.fieldErrors?.expiresOn}
          hint="Valid through the end of this day (UTC)."
        />
      </div>
      <SubmitButton className="justify-self-start" pendingLabel="Creating…">
        Create coupon
      </SubmitButton>
    </form>
  );
}
