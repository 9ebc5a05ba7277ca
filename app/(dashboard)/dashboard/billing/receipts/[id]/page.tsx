// GET /dashboard/billing/receipts/{id} — a printable receipt for one payment of the current workspace
import type { Metadata } from "next";
import { ArrowLeft, Download } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { getDashboardContext } from "@/lib/auth/session";
import { loadReceipt } from "@/lib/billing/receipts";
import { PrintButton } from "@/components/ui/print-button";
import { Detail } from "@/components/ui/detail-list";

export const metadata: Metadata = { title: "Receipt" };

const linkClass =
  "inline-flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none";

export default async function ReceiptPage(props: { params: Promise<{ id: string }> }) {
  const [{ workspace }, { id }] = await Promise.all([getDashboardContext(), props.params]);
  // Scoped to the current workspace: another workspace's payment id is simply not found.
  const r = await loadReceipt(workspace.id, id);
  if (!r) notFound();
  const { seller, buyer, payment } = r;
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href="/dashboard/billing" className={linkClass}>
          <ArrowLeft className="size-4" aria-hidden /> Back to billing
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <a href={`/dashboard/billing/receipts/${payment.id}/pdf`} className={linkClass} download>
            <Download className="size-4" aria-hidden /> Download PDF invoice
          </a>
          <PrintButton />
        </div>
      </div>
      <Card className="print:border-0 print:shadow-none">
        <CardHeader className="gap-1">
          <p className="text-sm font-medium text-muted-foreground" data-testid="receipt-seller">
            {seller.companyName}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">
            {payment.status === "failed" ? "Failed payment" : "Receipt"}
          </h1>
          <p className="text-sm text-muted-foreground">
            Receipt number <span className="font-mono text-foreground">{r.number}</span>
          </p>
        </CardHeader>
        <CardContent className="grid gap-6">
          <div className="grid gap-4 text-sm sm:grid-cols-2">
            <address className="not-italic">
              <p className="font-medium">From</p>
              <p>{seller.legalName}</p>
              <p className="text-muted-foreground">{seller.legalAddress}</p>
              <p className="break-all text-muted-foreground">{seller.supportEmail}</p>
            </address>
            <address className="not-italic">
              <p className="font-medium">Billed to</p>
              <p className="break-words">{buyer.workspace}</p>
              {buyer.name ? <p className="text-muted-foreground">{buyer.name}</p> : null}
              {buyer.email ? <p className="break-all text-muted-foreground">{buyer.email}</p> : null}
            </address>
          </div>
          <table className="w-full text-sm">
            <caption className="sr-only">Line items</caption>
            <thead>
              <tr className="border-b text-left text-muted-foreground">
                <th scope="col" className="py-2 font-medium">
                  Description
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {r.lines.map((l, i) => (
                <tr key={i} className="border-b">
                  <td className="py-2 pr-3 break-words">{l.description}</td>
                  <td className="py-2 text-right whitespace-nowrap tabular-nums">{l.amount}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="py-2 text-left font-semibold">
                  Total
                </th>
                <td className="py-2 text-right font-semibold whitespace-nowrap tabular-nums">{r.total}</td>
              </tr>
            </tfoot>
          </table>
          <dl className="grid gap-3 text-sm sm:grid-cols-[minmax(0,12rem)_1fr] sm:gap-x-6">
            <Row label="Date">{r.date} UTC</Row>
            <Row label="Payment method">{r.paymentMethod}</Row>
            {r.refunded ? <Row label="Refunded">−{r.refunded}</Row> : null}
            {r.credits ? <Row label="Credits added">{r.credits}</Row> : null}
            {r.period ? <Row label="Period">{r.period}</Row> : null}
            <Row label="Reference">
              <span className="font-mono text-xs break-all">{r.reference}</span>
            </Row>
            <Row label="Status">
              <StatusBadge status={payment.status} />
            </Row>
            {payment.failureReason ? <Row label="Reason">{payment.failureReason}</Row> : null}
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}

// Label above value on phones; a two-column table from sm up (the list's grid).
const Row = (props: { label: string; children: ReactNode }) => <Detail layout="columns" {...props} />;
