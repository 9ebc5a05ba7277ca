import { formatCents } from "@/lib/catalog/money";

/** The price before the coupon (struck through), the coupon's line, and what is paid. */
export function DiscountLines(props: {
  item: string;
  listCents: number;
  discountCents: number;
  totalCents: number;
  currency: string;
  coupon: { code: string; percentOff: number } | null;
}) {
  const money = (cents: number) => formatCents(cents, props.currency);
  const couponName = props.coupon
    ? `Coupon ${props.coupon.code} (${props.coupon.percentOff}% off)`
    : "Coupon discount";
  return (
    <dl
      className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 rounded-lg border p-4 text-sm"
      aria-label="Order summary"
    >
      <dt>{props.item}</dt>
      <dd className="text-right tabular-nums">
        <s className="text-muted-foreground">
          <span className="sr-only">was </span>
          {money(props.listCents)}
        </s>
      </dd>
      <dt>{couponName}</dt>
      <dd className="text-right tabular-nums">−{money(props.discountCents)}</dd>
      <dt className="border-t pt-2 font-semibold">Total today</dt>
      <dd className="border-t pt-2 text-right font-semibold tabular-nums">{money(props.totalCents)}</dd>
    </dl>
  );
}
