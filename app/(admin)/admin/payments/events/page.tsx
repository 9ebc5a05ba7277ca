// GET /admin/payments/events — every Stripe (or local provider) webhook event received, with replay
import type { Metadata } from "next";
import { ActionButton } from "@/components/forms/action-button";
import { StatusBadge, statusLabel } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination, parsePage } from "@/components/ui/pagination";
import { TabLinks } from "@/components/ui/tabs";
import { listWebhookEvents } from "@/lib/payments/events";
import { formatDateTime } from "@/lib/utils/format";
import { AdminPage } from "../../../_components/admin-page";
import { replayEventAction } from "./actions";
import { canReplay, EVENT_STATUSES } from "./event-status";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Payment events" };

const PAGE_SIZE = 50;
const BASE = "/admin/payments/events";

type Event = Awaited<ReturnType<typeof listWebhookEvents>>["events"][number];

export default async function PaymentEventsPage(props: {
  searchParams: Promise<{ status?: string; page?: string }>;
}) {
  await requireAdmin();
  const params = await props.searchParams;
  const status = EVENT_STATUSES.find((s) => s === params.status);
  const page = parsePage(params.page);
  const { total, events } = await listWebhookEvents({ status, page, pageSize: PAGE_SIZE });
  return (
    <AdminPage
      title="Payment events"
      description="Webhook events from Stripe or the local provider. Each is applied once; a failed one can be replayed. A signed but malformed one is rejected."
    >
      <TabLinks
        label="Filter by status"
        links={[
          { href: BASE, label: "All" },
          ...EVENT_STATUSES.map((s) => ({ href: `${BASE}?status=${s}`, label: statusLabel(s) })),
        ]}
        current={status ? `${BASE}?status=${status}` : BASE}
      />
      <DataTable<Event>
        label="Webhook events, newest first"
        minWidth="52rem"
        rows={events}
        rowKey={(e) => e.id}
        empty={<EmptyState title="No events yet" description="Events appear here as payments happen." />}
        columns={[
          {
            header: "Received (UTC)",
            className: "whitespace-nowrap",
            cell: (e) => formatDateTime(e.receivedAt),
          },
          { header: "Type", className: "font-mono text-xs", cell: (e) => e.type },
          { header: "Event", priority: "low", className: "font-mono text-xs break-all", cell: (e) => e.id },
          { header: "Status", cell: (e) => <StatusBadge status={e.status} /> },
          { header: "Error", className: "max-w-xs text-sm break-words", cell: (e) => e.error ?? "—" },
          {
            header: "Actions",
            kind: "actions",
            cell: (e) =>
              canReplay(e.status) ? (
                <ActionButton
                  action={replayEventAction}
                  fields={{ id: e.id }}
                  label="Replay"
                  ariaLabel={`Replay ${e.id}`}
                  pendingLabel="Replaying…"
                />
              ) : null,
          },
        ]}
      />
      <Pagination
        basePath={BASE}
        params={{ status }}
        page={page}
        pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
        total={total}
        noun="events"
      />
    </AdminPage>
  );
}
