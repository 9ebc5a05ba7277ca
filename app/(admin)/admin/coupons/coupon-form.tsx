"use client";

import { useActionState, useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "../catalog/_components/form-bits";
import { createCouponAction } from "./actions";

type Kind = "credits" | "percent_off";

export function CouponForm() {
  const [state, action] = useActionState(createCouponAction, {});
  // Controlled, so the matching value field stays shown after React resets the form on submit.
  const [kind, setKind] = useState<Kind>("credits");
  const v = state.values ?? {};
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error ? <Alert variant="error">{state.error}</Alert> : state.ok ? <Alert variant="success">{state.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Code" name="code" autoComplete="off" defaultValue={v.code} errors={state.fieldErrors?.code} hint="Letters, digits, dashes; people type it in any case." />
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value === "percent_off" ? "percent_off" : "credits")}
          hint={kind === "credits" ? "Redeemed on the Credits page, once per workspace." : "Entered when paying for a plan, once per workspace."}
        >
          <option value="credits">Credits</option>
          <option value="percent_off">Percent off at checkout</option>
        </SelectField>
        {kind === "credits" ? (
          <FormField key="credits" label="Credits" name="credits" inputMode="decimal" defaultValue={v.credits} errors={state.fieldErrors?.credits ?? state.fieldErrors?.kind} hint="Added to the redeeming workspace's balance." />
        ) : (
          <FormField key="percentOff" label="Percent off" name="percentOff" inputMode="numeric" defaultValue={v.percentOff} errors={state.fieldErrors?.percentOff ?? state.fieldErrors?.kind} hint="A whole number from 1 to 100, taken off the plan's price." />
        )}
        <FormField label="Max redemptions" name="maxRedemptions" inputMode="numeric" defaultValue={v.maxRedemptions} errors={state.fieldErrors?.maxRedemptions} hint="Blank for no limit." />
        <FormField label="Expires on" name="expiresOn" type="date" defaultValue={v.expiresOn} errors={state.fieldErrors?.expiresOn} hint="Valid through the end of this day (UTC)." />
      </div>
      <SubmitButton className="justify-self-start" pendingLabel="Creating…">Create coupon</SubmitButton>
    </form>
  );
}
