"use client";

import { useActionState, useState, type ReactNode } from "react";
import { FormField } from "@/components/forms/form-field";
import type { ActionState } from "@/lib/auth/action";
import { FormError } from "@/components/forms/form-error";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
/** A form that starts a checkout for `fields`, with the coupon typed above copied in. */
export type CheckoutForm = (fields: Record<string, string>, button: ReactNode) => ReactNode;

/**
 * Choices that each start a checkout (plans, credit packs) under one optional coupon field. The
 * field sits outside the forms (Enter in it must not start a checkout) and is copied into whichever
 * form is submitted.
 */
export function CouponCheckout({
  action,
  couponId = "field-coupon",
  hint,
  children,
}: {
  action: Action;
  couponId?: string;
  hint: string;
  children: (checkout: CheckoutForm) => ReactNode;
}) {
  const [state, run] = useActionState(action, {});
  const [coupon, setCoupon] = useState("");
  const checkout: CheckoutForm = (fields, button) => (
    <form key={Object.values(fields).join(":")} action={run}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="coupon" value={coupon} />
      {button}
    </form>
  );
  return (
    <div className="grid gap-4">
      <FormError error={state.error} />
      <div className="sm:max-w-xs">
        <FormField
          id={couponId}
          label="Coupon code (optional)"
          name="coupon"
          autoComplete="off"
          value={coupon}
          onChange={(e) => setCoupon(e.target.value)}
          hint={hint}
          errors={state.fieldErrors?.coupon}
        />
      </div>
      {children(checkout)}
    </div>
  );
}
