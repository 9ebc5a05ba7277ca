"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { createCouponAction } from "./actions";

export function CouponForm() {
  const [state, action] = useActionState(createCouponAction, {});
  const v = state.values ?? {};
  return (
    <form action={action} className="grid gap-4" noValidate>
      {/* Percent-off checkout coupons come with the checkout work; only credit coupons are offered so far. */}
      <input type="hidden" name="kind" value="credits" />
      {state.error ? <Alert variant="error">{state.error}</Alert> : state.ok ? <Alert variant="success">{state.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Code" name="code" autoComplete="off" defaultValue={v.code} errors={state.fieldErrors?.code} hint="Letters, digits, dashes; people type it in any case." />
        <FormField label="Credits" name="credits" inputMode="decimal" defaultValue={v.credits} errors={state.fieldErrors?.credits ?? state.fieldErrors?.kind} hint="Added to the redeeming workspace's balance." />
        <FormField label="Max redemptions" name="maxRedemptions" inputMode="numeric" defaultValue={v.maxRedemptions} errors={state.fieldErrors?.maxRedemptions} hint="Blank for no limit." />
        <FormField label="Expires on" name="expiresOn" type="date" defaultValue={v.expiresOn} errors={state.fieldErrors?.expiresOn} hint="Valid through the end of this day (UTC)." />
      </div>
      <SubmitButton className="justify-self-start" pendingLabel="Creating…">Create coupon</SubmitButton>
    </form>
  );
}
