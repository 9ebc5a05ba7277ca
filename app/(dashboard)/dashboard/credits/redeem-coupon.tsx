"use client";

import { useActionState } from "react";
import { FormField, fieldFrom } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { redeemCouponAction } from "./actions";
import { FormError } from "@/components/forms/form-error";

export function RedeemCoupon() {
  const [state, action] = useActionState(redeemCouponAction, {});
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" noValidate>
      <FormError error={state.error} className="sm:col-span-2" />
      {state.ok ? (
        <Alert variant="success" className="sm:col-span-2">
          {state.message}
        </Alert>
      ) : null}
      <FormField label="Coupon code" {...fieldFrom(state, "code")} autoComplete="off" />
      <SubmitButton pendingLabel="Redeeming…">Redeem</SubmitButton>
    </form>
  );
}
