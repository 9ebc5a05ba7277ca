// GET /admin/payments — every payment, searchable and filterable by status, with admin refunds
import type { Metadata } from "next";
import Link from "next/link";
import { linkClass } from "@/components/admin/detail-list";
import { Button } from "@/components/ui/button";
import { FilterSearch, FilterSelect } from "@/components/admin/filter-fields";
import { StatusBadge, statusLabel } from "@/components/ui/badge";
import { AdminList } from "@/components/admin/admin-list";
import { filterParams } from "@/lib/admin/filters";
import { PAYMENT_SORT_DEFAULT, parsePaymentFilter, parsePaymentSort } from "@/lib/admin/payments";
import { PaymentStatus } from "@/lib/db";
import { listPayments } from "@/lib/payments/refunds";
import { AdminPage } from "../../_components/admin-page";
import { PAGE_SIZE, formatDateTime, parsePage } from "../../_components/format";
import { PROVIDER_LABEL, formatAmount, refundSentence } from "./format";
import { RefundButton } from "./refund-button";
import { RefundNotices } from "./refund-notice";
import { can } from "@/lib/auth/admin-roles";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Payments" };

const statuses = Object.values(PaymentStatus);
type Row = Awaited<ReturnType<typeof listPayments>>["payments"][number];

export default async function PaymentsPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireAdmin();
  const mayRefund = can(admin.adminRole, "refunds");
  const params = await props.searchParams;
  const filter = parsePaymentFilter(params);
  const { q, status } = filter;
  const sort = parsePaymentSort(params);
  const page = parsePage(params.page);
  const { total, payments } = await listPayments({ ...filter, page, pageSize: PAGE_SIZE }, sort);

  return (
    <AdminPage
      title="Payments"
      description="Every payment, newest first. Refunds are in full within 24 hours of a payment and prorated after."
      actions={
        <Button asChild variant="outline">
          <Link href="/admin/payments/events">View payment events</Link>
        </Button>
      }
    >
      <AdminList<Row>
        basePath="/admin/payments"
        filters={{
          label: "Filter payments",
          fields: (
            <>
              <FilterSearch
                id="payments-q"
                name="q"
                label="Description or ID"
                value={q}
                hint="Part of a description, or a whole workspace, charge or invoice ID."
                className="sm:w-80"
              />
              <FilterSelect
                id="payments-status"
                name="status"
                label="Status"
                value={status}
                className="sm:w-48"
              >
                <option value="">All statuses</option>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {statusLabel(s)}
                  </option>
                ))}
              </FilterSelect>
            </>
          ),
        }}
        params={filterParams({ q, status })}
        sort={{ current: sort, fallback: PAYMENT_SORT_DEFAULT }}
        exportEndpoint="/api/admin/export/payments"
        // Keyed by the query, so a refund's message doesn't linger onto another page of results.
        around={(table) => (
          <RefundNotices key={`${q}|${status ?? ""}|${page}|${sort.key}|${sort.dir}`}>{table}</RefundNotices>
        )}
        label="Payments, newest first"
        minWidth="60rem"
        paged={{ rows: payments, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) }}
        rowKey={(row) => row.payment.id}
        noun={["payment", "payments"]}
        empty={{
          retry: "Try another search or status.",
          title: "No payments yet",
          description: "Payments appear here as workspaces buy plans and credit packs.",
        }}
        columns={[
          {
            header: "Date (UTC)",
            sortKey: "createdAt",
            className: "whitespace-nowrap",
            cell: ({ payment: p }) => formatDateTime(p.createdAt),
          },
          {
            header: "Workspace",
            className: "min-w-40",
            cell: ({ payment: p, workspace }) => (
              <>
                <span className="font-medium">{workspace?.name ?? "—"}</span>
                <span className="block font-mono text-xs break-all text-muted-foreground">
                  {p.workspaceId}
                </span>
              </>
            ),
          },
          {
            header: "Description",
            sortKey: "description",
            className: "max-w-xs min-w-40 break-words",
            cell: ({ payment: p }) => (
              <Link href={`/admin/payments/${p.id}`} className={linkClass}>
                {p.description}
              </Link>
            ),
          },
          {
            header: "Amount",
            kind: "money",
            sortKey: "amount",
            cell: ({ payment: p }) => formatAmount(p.amountCents, p.currency),
          },
          {
            header: "Discount",
            kind: "money",
            cell: ({ payment: p }) => (p.discountCents > 0 ? formatAmount(p.discountCents, p.currency) : "—"),
          },
          {
            header: "Refunded",
            kind: "money",
            sortKey: "refunded",
            cell: ({ payment: p }) => (p.refundedCents > 0 ? formatAmount(p.refundedCents, p.currency) : "—"),
          },
          {
            header: "Status",
            sortKey: "status",
            cell: ({ payment: p }) => <StatusBadge status={p.status} />,
          },
          { header: "Provider", priority: "low", cell: ({ payment: p }) => PROVIDER_LABEL[p.provider] },
          {
            header: "Actions",
            kind: "actions",
            cell: (row) => (mayRefund ? <PaymentRefund {...row} /> : null),
          },
        ]}
      />
    </AdminPage>
  );
}

// Manual payments were taken outside any provider, so there is nothing to refund through.
function PaymentRefund({ payment: p, workspace, quote }: Row) {
  if (quote.amountCents === 0 || p.provider === "manual") return null;
  const money = (cents: number) => formatAmount(cents, p.currency);
  return (
    <RefundButton
      paymentId={p.id}
      currency={p.currency}
      triggerLabel={`Refund ${p.description} for ${workspace?.name ?? p.workspaceId}`}
      summary={refundSentence(quote, p.currency)}
      consequence={
        p.millicredits > 0n
          ? "Unspent purchased credits are clawed back from the workspace's balance, in proportion to the refund."
          : undefined
      }
      details={[
        { label: "Workspace", value: workspace?.name ?? p.workspaceId },
        { label: "Payment", value: p.description },
        { label: "Paid", value: `${money(p.amountCents)} on ${formatDateTime(p.createdAt)}` },
        ...(p.refundedCents > 0 ? [{ label: "Refunded so far", value: money(p.refundedCents) }] : []),
      ]}
    />
  );
}
