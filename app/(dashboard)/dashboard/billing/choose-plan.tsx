"use client";

import { useActionState, useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/lib/utils/cn";
import { choosePlanAction } from "./actions";

export type PlanOption = {
  code: string;
  name: string;
  monthly: string;
  annual: string;
  credits: string;
  picked: "month" | "year" | null;
};

/**
 * Paid plans with a monthly and an annual button each; the one picked on the pricing page stands
 * out. The coupon field sits outside the forms (Enter in it must not start a checkout) and is
 * copied into whichever form is submitted.
 */
export function ChoosePlan({ plans }: { plans: PlanOption[] }) {
  const [state, action] = useActionState(choosePlanAction, {});
  const [coupon, setCoupon] = useState("");
  return (
    <div className="grid gap-4">
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <div className="sm:max-w-xs">
        <FormField
          label="Coupon code (optional)"
          name="coupon"
          autoComplete="off"
          value={coupon}
          onChange={(e) => setCoupon(e.target.value)}
          hint="Percent-off coupons apply at checkout."
          errors={state.fieldErrors?.coupon}
        />
      </div>
      <ul className="grid gap-3 md:grid-cols-3">
        {plans.map((p) => (
          <li
            key={p.code}
            className={cn(
              "grid gap-2 rounded-lg border p-4",
              p.picked && "border-primary ring-1 ring-primary",
            )}
          >
            <p className="font-medium">{p.name}</p>
            <p className="text-sm text-muted-foreground">
              {p.monthly} a month or {p.annual} a year · {p.credits} credits included
            </p>
            <div className="flex flex-wrap gap-2">
              {(["month", "year"] as const).map((interval) => (
                <form key={interval} action={action}>
                  <input type="hidden" name="plan" value={p.code} />
                  <input type="hidden" name="interval" value={interval} />
                  <input type="hidden" name="coupon" value={coupon} />
                  <SubmitButton
                    size="sm"
                    variant={p.picked === interval ? "default" : "outline"}
                    pendingLabel="Opening checkout…"
                  >
                    {`Choose ${p.name} ${interval === "year" ? "annual" : "monthly"}`}
                  </SubmitButton>
                </form>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
