"use client";

import { useActionState, useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { buyCreditPackAction } from "./actions";

export type PackOption = { code: string; name: string; credits: string; bonus: string | null; price: string };

/**
 * One Buy button per active credit pack; each starts a checkout. The coupon field sits outside the
 * forms (Enter in it must not start a checkout) and is copied into whichever form is submitted.
 */
export function BuyCredits({ packs }: { packs: PackOption[] }) {
  const [state, action] = useActionState(buyCreditPackAction, {});
  const [coupon, setCoupon] = useState("");
  return (
    <div className="grid gap-4">
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <div className="sm:max-w-xs">
        <FormField
          id="pack-coupon"
          label="Coupon code (optional)"
          name="coupon"
          autoComplete="off"
          value={coupon}
          onChange={(e) => setCoupon(e.target.value)}
          hint="Percent-off coupons apply at checkout. Credit coupons are redeemed above."
          errors={state.fieldErrors?.coupon}
        />
      </div>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {packs.map((p) => (
          <li key={p.code} className="grid gap-2 rounded-lg border p-4">
            <p className="font-medium">{p.name}</p>
            <p className="text-sm text-muted-foreground">
              {p.credits} credits{p.bonus ? ` + ${p.bonus} bonus` : ""}
            </p>
            <p className="text-lg font-semibold">{p.price}</p>
            <form action={action}>
              <input type="hidden" name="pack" value={p.code} />
              <input type="hidden" name="coupon" value={coupon} />
              <SubmitButton
                variant="outline"
                className="w-full"
                aria-label={`Buy ${p.name}`}
                pendingLabel="Opening checkout…"
              >
                Buy
              </SubmitButton>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
