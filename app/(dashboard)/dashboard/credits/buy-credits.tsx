"use client";

import { CouponCheckout } from "@/components/forms/coupon-checkout";
import { SubmitButton } from "@/components/forms/submit-button";
import { cn } from "@/lib/utils/cn";
import { buyCreditPackAction } from "./actions";
import { SavedCardPay } from "./saved-card-pay";

export type PackOption = { code: string; name: string; credits: string; bonus: string | null; price: string };

/** One Buy button per active credit pack; each starts a checkout. With a card on file, also "Pay with saved card". The pack picked on the pricing page stands out. */
export function BuyCredits({
  packs,
  card,
  picked,
}: {
  packs: PackOption[];
  card: string | null;
  picked?: string;
}) {
  return (
    <CouponCheckout
      action={buyCreditPackAction}
      couponId="pack-coupon"
      hint="Percent-off coupons apply at checkout. Credit coupons are redeemed above."
    >
      {(checkout) => (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {packs.map((p) => (
            <li
              key={p.code}
              className={cn(
                "grid gap-2 rounded-lg border p-4",
                picked === p.code && "border-primary ring-1 ring-primary",
              )}
            >
              <p className="font-medium">{p.name}</p>
              <p className="text-sm text-muted-foreground">
                {p.credits} credits{p.bonus ? ` + ${p.bonus} bonus` : ""}
              </p>
              <p className="text-lg font-semibold">{p.price}</p>
              {card ? <SavedCardPay pack={p.code} name={p.name} price={p.price} card={card} /> : null}
              {checkout(
                { pack: p.code },
                <SubmitButton
                  variant={picked === p.code ? "default" : "outline"}
                  className="w-full"
                  aria-label={`Buy ${p.name}`}
                  pendingLabel="Opening checkout…"
                >
                  Buy
                </SubmitButton>,
              )}
            </li>
          ))}
        </ul>
      )}
    </CouponCheckout>
  );
}
