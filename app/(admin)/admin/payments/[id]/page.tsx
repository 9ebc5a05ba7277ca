// GET /admin/payments/[id] — one payment: amount, status, refunds so far, line items, workspace,
// customer, receipt, and (for admins who may refund) the refund form.
import Link from "next/link";
import { Detail, DetailList, linkClass } from "@/components/admin/detail-list";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TitledCard } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/admin-roles";
import { requireAdmin } from "@/lib/auth/session";
import { receiptLines } from "@/lib/billing/receipts";
import { creditsLabel, formatExactCents } from "@/lib/catalog/money";
import {
  PLAN_ACTIONS,
  REFUND_REASONS,
  getPaymentDetail,
  type RefundReason,
} from "@/lib/payments/refund-request";
import { formatDate, formatDateTime } from "@/lib/utils/format";
import { AdminPage } from "../../../_components/admin-page";
import { adminRecord, type RecordProps } from "../../../_components/admin-record";
import { PROVIDER_LABEL } from "../format";
import { RefundNotices } from "../refund-notice";
import { RefundForm } from "./refund-form";

const record = adminRecord(
  "Payment",
  async (id) => {
    const detail = await getPaymentDetail(id);
    return detail && { ...detail, description: detail.payment.description };
  },
  "description",
);

export const generateMetadata = record.metadata;

type Refund = Awaited<ReturnType<typeof record.load>>["refunds"][number];

export default async function PaymentPage(props: RecordProps) {
  const { payment: p, workspace, customer, refunds, refundableCents, plan } = await record.load(props);
  const admin = await requireAdmin();
  const money = (cents: number) => formatExactCents(cents, p.currency);
  const refundable = refundableCents > 0 && p.provider !== "manual" && p.providerChargeId;

  return (
    <AdminPage
      title={<span className="break-words">{p.description}</span>}
      back={{ href: "/admin/payments", label: "Back to payments" }}
      description={
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={p.status} />
          <span>
            {money(p.amountCents)} · {formatDateTime(p.createdAt)} UTC
          </span>
        </div>
      }
      actions={
        p.status === "failed" ? null : (
          <Button asChild variant="outline">
            <a href={`/admin/payments/${p.id}/receipt`}>Download receipt (PDF)</a>
          </Button>
        )
      }
    >
      <TitledCard title="Payment">
        <DetailList>
          <Detail label="Amount">{money(p.amountCents)}</Detail>
          <Detail label="Refunded">{p.refundedCents > 0 ? money(p.refundedCents) : "Nothing yet"}</Detail>
          <Detail label="Left to refund">{money(refundableCents)}</Detail>
          <Detail label="Discount">{p.discountCents > 0 ? money(p.discountCents) : "—"}</Detail>
          <Detail label="Workspace">
            {workspace ? (
              <Link href={`/admin/workspaces/${workspace.id}`} className={linkClass}>
                {workspace.name}
              </Link>
            ) : (
              p.workspaceId
            )}
          </Detail>
          <Detail label="Customer">
            {customer ? (
              <Link href={`/admin/users/${customer.id}`} className={linkClass}>
                <span className="break-all">{customer.email}</span>
              </Link>
            ) : (
              "—"
            )}
          </Detail>
          <Detail label="Provider">{PROVIDER_LABEL[p.provider]}</Detail>
          <Detail label="Card">{p.cardBrand ? `${p.cardBrand} ···· ${p.cardLast4}` : "—"}</Detail>
          <Detail label="Credits bought">{p.millicredits > 0n ? creditsLabel(p.millicredits) : "—"}</Detail>
          <Detail label="Period">
            {p.periodStart && p.periodEnd ? `${formatDate(p.periodStart)} – ${formatDate(p.periodEnd)}` : "—"}
          </Detail>
          <Detail label="Charge" wide>
            <span className="font-mono text-xs break-all">{p.providerChargeId ?? "—"}</span>
          </Detail>
          {p.failureReason ? (
            <Detail label="Not paid" wide>
              {p.failureReason}
            </Detail>
          ) : null}
        </DetailList>
      </TitledCard>

      <section className="grid gap-3" aria-labelledby="payment-lines">
        <h2 id="payment-lines" className="text-lg leading-tight font-semibold">
          Line items
        </h2>
        <DataTable
          label="Line items"
          rows={receiptLines(p)}
          rowKey={(l) => l.description}
          empty={<EmptyState title="No line items" />}
          columns={[
            { header: "Line item", kind: "primary", className: "break-words", cell: (l) => l.description },
            { header: "Amount", kind: "money", cell: (l) => money(l.amountCents) },
          ]}
        />
      </section>

      <section className="grid gap-3" aria-labelledby="payment-refunds">
        <h2 id="payment-refunds" className="text-lg leading-tight font-semibold">
          Refunds so far
        </h2>
        <DataTable<Refund>
          label="Refunds so far"
          rows={refunds}
          rowKey={(r) => r.id}
          empty={<EmptyState title="No refunds yet" />}
          columns={[
            {
              header: "Date (UTC)",
              className: "whitespace-nowrap",
              cell: (r) => formatDateTime(r.createdAt),
            },
            { header: "Amount", kind: "money", cell: (r) => money(r.amountCents) },
            {
              header: "Reason",
              className: "min-w-40 break-words",
              cell: (r) => (
                <>
                  {REFUND_REASONS[r.reason as RefundReason] ?? r.reason}
                  {r.note ? <span className="block text-xs text-muted-foreground">{r.note}</span> : null}
                </>
              ),
            },
            { header: "Plan", cell: (r) => PLAN_ACTIONS[r.planAction] },
            { header: "By", className: "break-all", priority: "low", cell: (r) => r.actorEmail ?? "—" },
          ]}
        />
      </section>

      {refundable && can(admin.adminRole, "refunds") ? (
        <TitledCard
          title="Refund"
          description="Refund all or part of what is left. You confirm before any money moves; the customer gets an email."
        >
          <RefundNotices>
            <RefundForm
              key={refundableCents}
              paymentId={p.id}
              currency={p.currency}
              refundableCents={refundableCents}
              millicredits={p.millicredits.toString()}
              customer={customer?.email ?? "the customer"}
              plan={plan ? { name: plan.tier.name, endsOn: formatDate(plan.currentPeriodEnd) } : null}
            />
          </RefundNotices>
        </TitledCard>
      ) : null}
    </AdminPage>
  );
}
