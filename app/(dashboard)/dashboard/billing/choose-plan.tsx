"use client";

import { CouponCheckout } from "@/components/forms/coupon-checkout";
import { SubmitButton } from "@/components/forms/submit-button";
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

/** Paid plans with a monthly and an annual button each; the one picked on the pricing page stands out. */
export function ChoosePlan({ plans }: { plans: PlanOption[] }) {
  return (
    <CouponCheckout action={choosePlanAction} hint="Percent-off coupons apply at checkout.">
      {(checkout) => (
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
                {(["month", "year"] as const).map((interval) =>
                  checkout(
                    { plan: p.code, interval },
                    <SubmitButton
                      size="sm"
                      variant={p.picked === interval ? "default" : "outline"}
                      pendingLabel="Opening checkout…"
                    >
                      {`Choose ${p.name} ${interval === "year" ? "annual" : "monthly"}`}
                    </SubmitButton>,
                  ),
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </CouponCheckout>
  );
}
