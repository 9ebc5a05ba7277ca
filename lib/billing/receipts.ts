import "server-only";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import { getBranding } from "@/lib/branding/branding";
import { db, type Payment, type Tx } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/utils/format";

// Receipts: one description of a payment for the receipt page, the PDF invoice and receipt emails —
// seller, buyer, number, payment method and line items (a proration as its two lines, a discount).

/** Who sells: the company's legal details. The one place receipts read them from. */
export async function receiptSeller(executor: Tx | typeof db = db) {
  const { companyName, legalName, legalAddress, supportEmail } = await getBranding(executor);
  return { companyName, legalName, legalAddress, supportEmail };
}

/** A stable receipt number: the payment's date and the tail of its id (`R-20261203-1A2B3C4D`). */
export const receiptNumber = (p: Pick<Payment, "id" | "createdAt">) =>
  `R-${p.createdAt.toISOString().slice(0, 10).replaceAll("-", "")}-${p.id.slice(-8).toUpperCase()}`;

/** The receipt email's details: number, card, seller, buyer. */
export async function receiptEmailDetails(p: Payment, buyerEmail: string, tx: Tx) {
  return {
    number: receiptNumber(p),
    paymentMethod: p.cardBrand && p.cardLast4 ? `${p.cardBrand} ···${p.cardLast4}` : "Card",
    seller: await receiptSeller(tx),
    buyer: buyerEmail,
  };
}

export type ReceiptLine = { description: string; amountCents: number };

const isLines = (v: unknown): v is ReceiptLine[] =>
  Array.isArray(v) &&
  v.every((l) => l && typeof l.description === "string" && Number.isInteger(l.amountCents));

/** The lines a payment's total is made of: the invoice's (a proration), else its one line at list price, then any discount. */
export function receiptLines(p: Payment): ReceiptLine[] {
  const lines = isLines(p.lineItems)
    ? p.lineItems
    : [{ description: p.description, amountCents: p.amountCents + p.discountCents }];
  return p.discountCents > 0 ? [...lines, { description: "Discount", amountCents: -p.discountCents }] : lines;
}

/** The receipt for a payment of this workspace, or null (another workspace's payment is simply not found). */
export async function loadReceipt(workspaceId: string, paymentId: string) {
  const payment = await db.payment.findFirst({ where: { id: paymentId, workspaceId } });
  if (!payment) return null;
  const [workspace, owner, card] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId } }),
    db.membership.findFirst({
      where: { workspaceId },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      include: { user: true },
    }),
    payment.cardLast4 ? null : db.paymentMethod.findUnique({ where: { workspaceId } }),
  ]);
  const brand = payment.cardBrand ?? card?.brand;
  const last4 = payment.cardLast4 ?? card?.last4;
  const money = (cents: number) => formatCents(cents, payment.currency);
  return {
    payment,
    number: receiptNumber(payment),
    seller: await receiptSeller(),
    buyer: { workspace: workspace.name, name: owner?.user.name ?? null, email: owner?.user.email ?? null },
    paymentMethod:
      brand && last4 ? `${brand} ···${last4}` : payment.provider === "manual" ? "Invoice" : "Card",
    lines: receiptLines(payment).map((l) => ({ ...l, amount: money(l.amountCents) })),
    total: money(payment.amountCents),
    refunded: payment.refundedCents > 0 ? money(payment.refundedCents) : null,
    credits: payment.millicredits > 0n ? formatCredits(payment.millicredits) : null,
    date: formatDateTime(payment.createdAt),
    period:
      payment.periodStart && payment.periodEnd
        ? `${formatDate(payment.periodStart)} – ${formatDate(payment.periodEnd)}`
        : null,
    reference: payment.providerInvoiceId ?? payment.checkoutSessionId ?? payment.id,
  };
}

export type Receipt = NonNullable<Awaited<ReturnType<typeof loadReceipt>>>;
