// GET /admin/payments — every payment, searchable and filterable by status, with admin refunds
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Pagination } from "@/components/ui/pagination";
import { PaymentStatus } from "@/lib/db";
import { listPayments } from "@/lib/payments/refunds";
import { FilterForm } from "../../_components/filter-form";
import { PAGE_SIZE, formatDateTime, parsePage } from "../../_components/format";
import { PROVIDER_LABEL, STATUS_LABEL, formatAmount, refundSentence } from "./format";
import { PaymentStatusBadge } from "./payment-status-badge";
import { RefundButton } from "./refund-button";
import { RefundNotices } from "./refund-notice";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Payments" };

const statuses = Object.values(PaymentStatus);
const isStatus = (value: unknown): value is PaymentStatus => statuses.includes(value as PaymentStatus);

export default async function PaymentsPage(props: {
  searchParams: Promise<{ q?: string; status?: string; page?: string }>;
}) {
  await requireAdmin();
  const params = await props.searchParams;
  const q = (typeof params.q === "string" ? params.q : "").trim().slice(0, 200);
  const status = isStatus(params.status) ? params.status : undefined;
  const page = parsePage(params.page);
  const { total, payments } = await listPayments({ q: q || undefined, status, page, pageSize: PAGE_SIZE });
  const filtered = Boolean(q || status);

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Payments</h1>
          <p className="text-muted-foreground">
            Every payment, newest first. Refunds are in full within 24 hours of a payment and prorated after.
          </p>
        </div>
        <Button asChild variant="outline">
          <Link href="/admin/payments/events">View payment events</Link>
        </Button>
      </div>

      <FilterForm action="/admin/payments" label="Filter payments" active={filtered}>
        <div className="grid w-full gap-2 sm:w-80">
          <Label htmlFor="payments-q">Description or ID</Label>
          <Input
            id="payments-q"
            name="q"
            type="search"
            defaultValue={q}
            autoComplete="off"
            aria-describedby="payments-q-hint"
          />
          <p id="payments-q-hint" className="sr-only">
            Part of a description, or a whole workspace, charge or invoice ID.
          </p>
        </div>
        <div className="grid w-full gap-2 sm:w-48">
          <Label htmlFor="payments-status">Status</Label>
          <select
            id="payments-status"
            name="status"
            defaultValue={status ?? ""}
            className="h-10 w-full rounded-md border border-input bg-background px-3 text-sm text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          >
            <option value="">All statuses</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
      </FilterForm>

      {/* Keyed by the query, so a refund's message doesn't linger onto another page of results. */}
      <RefundNotices key={`${q}|${status ?? ""}|${page}`}>
        {payments.length === 0 ? (
          <EmptyState
            title={
              filtered
                ? "No payments match these filters"
                : page > 1
                  ? "No payments on this page"
                  : "No payments yet"
            }
          >
            <p>
              {filtered
                ? "Try another search or status."
                : "Payments appear here as workspaces buy plans and credit packs."}
            </p>
          </EmptyState>
        ) : (
          <DataTable label="Payments, newest first" minWidth="min-w-[68rem]">
            <thead>
              <tr>
                <Th>Date (UTC)</Th>
                <Th>Workspace</Th>
                <Th>Description</Th>
                <Th className="text-right">Amount</Th>
                <Th className="text-right">Discount</Th>
                <Th className="text-right">Refunded</Th>
                <Th>Status</Th>
                <Th>Provider</Th>
                <Th className="text-right">Actions</Th>
              </tr>
            </thead>
            <tbody>
              {payments.map(({ payment: p, workspace, quote }) => {
                const money = (cents: number) => formatAmount(cents, p.currency);
                const date = formatDateTime(p.createdAt);
                // Manual payments were taken outside any provider, so there is nothing to refund through.
                const refundable = quote.amountCents > 0 && p.provider !== "manual";
                return (
                  <tr key={p.id}>
                    <Td className="whitespace-nowrap">{date}</Td>
                    <Td>
                      <span className="font-medium">{workspace?.name ?? "—"}</span>
                      <span className="block font-mono text-xs break-all text-muted-foreground">
                        {p.workspaceId}
                      </span>
                    </Td>
                    <Td className="max-w-xs break-words">{p.description}</Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">{money(p.amountCents)}</Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">
                      {p.discountCents > 0 ? money(p.discountCents) : "—"}
                    </Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">
                      {p.refundedCents > 0 ? money(p.refundedCents) : "—"}
                    </Td>
                    <Td>
                      <PaymentStatusBadge status={p.status} />
                    </Td>
                    <Td>{PROVIDER_LABEL[p.provider]}</Td>
                    <Td className="text-right">
                      {refundable ? (
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
                            { label: "Paid", value: `${money(p.amountCents)} on ${date}` },
                            ...(p.refundedCents > 0
                              ? [{ label: "Refunded so far", value: money(p.refundedCents) }]
                              : []),
                          ]}
                        />
                      ) : null}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        )}
      </RefundNotices>
      <Pagination
        basePath="/admin/payments"
        params={{ q, status }}
        page={page}
        pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
        total={total}
        noun={total === 1 ? "payment" : "payments"}
      />
    </div>
  );
}
