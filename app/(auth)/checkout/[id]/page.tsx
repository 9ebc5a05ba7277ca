// GET /checkout/{id} — the local payment provider's test checkout (used when Stripe is not configured)
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getCachedBranding } from "@/lib/branding/cached";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import { NotFoundError } from "@/lib/errors";
import { isValidPathId } from "@/lib/http/hygiene";
import { findCheckoutForUser } from "@/lib/payments/checkout";
import { TEST_CARDS } from "@/lib/payments/cards";
import { db } from "@/lib/db";
import { CardForm } from "./card-form";
import { DiscountLines } from "./discount-lines";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  if (!isValidPathId(id)) notFound();
  const user = await requireUser(`/checkout/${id}`);
  // Unknown, or another user's: the same 404 either way.
  const { checkout, pack, tier, terms } = await findCheckoutForUser(user.id, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const brand = await getCachedBranding();
  const price = formatCents(checkout.amountCents, checkout.currency);
  const coupon = checkout.couponId
    ? await db.coupon.findUnique({
        where: { id: checkout.couponId },
        select: { code: true, percentOff: true },
      })
    : null;
  const item = pack
    ? pack.name
    : `${tier?.name} plan (${checkout.interval === "year" ? "annual" : "monthly"})`;
  return (
    <Card>
      <CardHeader>
        <p className="text-sm font-medium text-muted-foreground">{brand.companyName} · test checkout</p>
        <h1 className="text-2xl font-semibold">{pack ? pack.name : `${tier?.name} plan`}</h1>
        <CardDescription>
          {pack
            ? `${formatCredits(pack.millicredits + pack.bonusMillicredits)} credits for ${price}, paid once.`
            : `${price} per ${checkout.interval === "year" ? "year" : "month"}, renewing until you cancel. Includes ${formatCredits(terms?.includedMillicredits ?? 0n)} credits every month${checkout.interval === "year" ? ", all year" : ""}.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {checkout.status === "open" ? (
          <>
            <Alert variant="info">
              No real payment happens here. Use {TEST_CARDS.success} to pay, or {TEST_CARDS.declined} to see a
              declined card.
            </Alert>
            {checkout.discountCents > 0 ? (
              <DiscountLines
                item={item}
                listCents={checkout.amountCents + checkout.discountCents}
                discountCents={checkout.discountCents}
                totalCents={checkout.amountCents}
                currency={checkout.currency}
                coupon={coupon}
              />
            ) : null}
            <CardForm checkoutId={checkout.id} price={price} />
          </>
        ) : (
          <Alert variant="success">This checkout is already paid.</Alert>
        )}
        <Link
          href={pack ? "/dashboard/credits" : "/dashboard/billing"}
          className="text-center text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          {pack ? "Back to credits" : "Back to billing"}
        </Link>
      </CardContent>
    </Card>
  );
}
