import Link from "next/link";
import { StatusBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCents } from "@/lib/catalog/money";
import type { Payment } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/utils/format";

/** Every payment of the workspace, newest first, each with its receipt. */
export function BillingHistory({ payments }: { payments: Payment[] }) {
  return (
    <section className="grid gap-3" aria-labelledby="billing-history">
      <h2 id="billing-history" className="text-lg font-semibold">
        Billing history
      </h2>
      <DataTable
        label="Payments, newest first"
        rows={payments}
        rowKey={(p) => p.id}
        empty={<EmptyState title="No payments yet" />}
        columns={[
          { header: "Date (UTC)", cell: (p) => formatDateTime(p.createdAt), className: "whitespace-nowrap" },
          {
            header: "Description",
            kind: "primary",
            cell: (p) => (
              <>
                <span className="block">{p.description}</span>
                {p.failureReason ? (
                  <span className="block text-xs text-muted-foreground">{p.failureReason}</span>
                ) : null}
              </>
            ),
            className: "min-w-48 break-words",
          },
          {
            header: "Amount",
            kind: "money",
            cell: (p) => (
              <>
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
              </>
            ),
          },
          {
            header: "Status",
            cell: (p) => <StatusBadge status={p.status} />,
          },
          {
            header: "Receipt",
            hideHeader: true,
            kind: "actions",
            cell: (p) => (
              <Link
                href={`/dashboard/billing/receipts/${p.id}`}
                className="rounded-sm font-medium whitespace-nowrap underline underline-offset-4 hover:text-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              >
                Receipt
                <span className="sr-only">
                  {" "}
                  for {p.description}, {formatDate(p.createdAt)}
                </span>
              </Link>
            ),
          },
        ]}
      />
    </section>
  );
}
