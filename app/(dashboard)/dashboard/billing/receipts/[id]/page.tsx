// GET /dashboard/billing/receipts/{id} — a printable receipt for one payment of the current workspace
import type { Metadata } from "next";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { getCachedBranding } from "@/lib/branding/cached";
import { getDashboardContext } from "@/lib/auth/session";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import { db } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/utils/format";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Receipt" };

export default async function ReceiptPage(props: { params: Promise<{ id: string }> }) {
  const [{ workspace }, { id }, brand] = await Promise.all([
    getDashboardContext(),
    props.params,
    getCachedBranding(),
  ]);
  // Scoped to the current workspace: another workspace's payment id is simply not found.
  const payment = await db.payment.findFirst({ where: { id, workspaceId: workspace.id } });
  if (!payment) notFound();
  const money = (cents: number) => formatCents(cents, payment.currency);
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link
          href="/dashboard/billing"
          className="inline-flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          <ArrowLeft className="size-4" aria-hidden /> Back to billing
        </Link>
        <PrintButton />
      </div>
      <Card className="print:border-0 print:shadow-none">
        <CardHeader>
          <p className="text-sm font-medium text-muted-foreground" data-testid="receipt-seller">
            {brand.companyName}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">Receipt</h1>
          <p className="break-words text-muted-foreground">{workspace.name}</p>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-3 text-sm sm:grid-cols-[minmax(0,12rem)_1fr] sm:gap-x-6">
            <Row label="Description">{payment.description}</Row>
            <Row label="Date">{formatDateTime(payment.createdAt)}</Row>
            {payment.discountCents > 0 ? (
              <Row label="Price before discount">{money(payment.amountCents + payment.discountCents)}</Row>
            ) : null}
            {payment.discountCents > 0 ? <Row label="Discount">−{money(payment.discountCents)}</Row> : null}
            <Row label="Amount">
              <span className="font-semibold">{money(payment.amountCents)}</span>
            </Row>
            {payment.refundedCents > 0 ? <Row label="Refunded">−{money(payment.refundedCents)}</Row> : null}
            {payment.refundedCents > 0 ? (
              <Row label="Net paid">{money(payment.amountCents - payment.refundedCents)}</Row>
            ) : null}
            {payment.millicredits > 0n ? (
              <Row label="Credits added">{formatCredits(payment.millicredits)}</Row>
            ) : null}
            {payment.periodStart && payment.periodEnd ? (
              <Row label="Period">
                {formatDate(payment.periodStart)} – {formatDate(payment.periodEnd)}
              </Row>
            ) : null}
            <Row label="Reference">
              <span className="font-mono text-xs break-all">
                {payment.providerInvoiceId ?? payment.checkoutSessionId ?? payment.id}
              </span>
            </Row>
            <Row label="Status">
              <StatusBadge status={payment.status} />
            </Row>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:contents">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}
