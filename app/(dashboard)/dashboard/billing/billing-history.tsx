import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { formatCents } from "@/lib/catalog/money";
import type { Payment } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/utils/format";

export const paymentStatusLabel = (status: Payment["status"]) => status.replace("_", " ");

export const paymentStatusVariant = (status: Payment["status"]) =>
  status === "failed" ? "destructive" : "outline";

/** Every payment of the workspace, newest first, each with its receipt. */
export function BillingHistory({ payments }: { payments: Payment[] }) {
  return (
    <section className="grid gap-3" aria-labelledby="billing-history">
      <h2 id="billing-history" className="text-lg font-semibold">
        Billing history
      </h2>
      {payments.length === 0 ? (
        <EmptyState title="No payments yet" />
      ) : (
        <DataTable label="Payments, newest first" minWidth="min-w-[44rem]">
          <thead>
            <tr>
              <Th>Date (UTC)</Th>
              <Th>Description</Th>
              <Th className="text-right">Amount</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Receipt</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => (
              <tr key={p.id}>
                <Td className="whitespace-nowrap">{formatDateTime(p.createdAt)}</Td>
                <Td className="min-w-48 break-words">{p.description}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">
                  <span className="block">{formatCents(p.amountCents, p.currency)}</span>
                  {p.discountCents > 0 ? (
                    <span className="block text-xs text-muted-foreground">
                      Discount {formatCents(p.discountCents, p.currency)}
                    </span>
                  ) : null}
                  {p.refundedCents > 0 ? (
                    <span className="block text-xs text-muted-foreground">
                      Refunded {formatCents(p.refundedCents, p.currency)}
                    </span>
                  ) : null}
                </Td>
                <Td>
                  <Badge variant={paymentStatusVariant(p.status)} className="whitespace-nowrap">
                    {paymentStatusLabel(p.status)}
                  </Badge>
                </Td>
                <Td className="whitespace-nowrap">
                  <Link
                    href={`/dashboard/billing/receipts/${p.id}`}
                    className="rounded-sm font-medium underline underline-offset-4 hover:text-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                  >
                    Receipt
                    <span className="sr-only">
                      {" "}
                      for {p.description}, {formatDate(p.createdAt)}
                    </span>
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
