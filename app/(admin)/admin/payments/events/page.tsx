// GET /admin/payments/events — every Stripe (or local provider) webhook event received, with replay
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Pagination, parsePage } from "@/components/ui/pagination";
import type { WebhookEventStatus } from "@/lib/db";
import { listWebhookEvents } from "@/lib/payments/events";
import { formatDateTime } from "@/lib/utils/format";
import { canReplay, EVENT_STATUSES, EventStatusBadge } from "./event-status-badge";
import { ReplayButton } from "./replay-button";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Payment events" };

const PAGE_SIZE = 50;
const STATUSES: WebhookEventStatus[] = EVENT_STATUSES;

export default async function PaymentEventsPage(props: {
  searchParams: Promise<{ status?: string; page?: string }>;
}) {
  await requireAdmin();
  const params = await props.searchParams;
  const status = STATUSES.find((s) => s === params.status);
  const page = parsePage(params.page);
  const { total, events } = await listWebhookEvents({ status, page, pageSize: PAGE_SIZE });
  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Payment events</h1>
        <p className="text-muted-foreground">
          Webhook events from Stripe or the local provider. Each is applied once; a failed one can be
          replayed. A signed but malformed one is rejected.
        </p>
      </div>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {[undefined, ...STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={s ? `/admin/payments/events?status=${s}` : "/admin/payments/events"}
            aria-current={s === status ? "page" : undefined}
            className="rounded-md border px-3 py-1.5 aria-[current=page]:bg-secondary aria-[current=page]:font-medium"
          >
            {s ? s[0].toUpperCase() + s.slice(1) : "All"}
          </Link>
        ))}
      </nav>
      {events.length === 0 ? (
        <EmptyState title="No events yet">Events appear here as payments happen.</EmptyState>
      ) : (
        <DataTable label="Webhook events, newest first" minWidth="min-w-[52rem]">
          <thead>
            <tr>
              <Th>Received (UTC)</Th>
              <Th>Type</Th>
              <Th>Event</Th>
              <Th>Status</Th>
              <Th>Error</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <Td className="whitespace-nowrap">{formatDateTime(e.receivedAt)}</Td>
                <Td className="font-mono text-xs">{e.type}</Td>
                <Td className="font-mono text-xs break-all">{e.id}</Td>
                <Td>
                  <EventStatusBadge status={e.status} />
                </Td>
                <Td className="max-w-xs text-sm break-words">{e.error ?? "—"}</Td>
                <Td className="text-right">{canReplay(e.status) ? <ReplayButton id={e.id} /> : null}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <Pagination
        basePath="/admin/payments/events"
        params={{ status }}
        page={page}
        pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
        total={total}
        noun="events"
      />
    </div>
  );
}
