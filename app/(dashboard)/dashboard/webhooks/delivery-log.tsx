import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { StatusBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { formatDateTime } from "@/lib/utils/format";
import type { listDeliveries } from "@/lib/webhooks/replay";
import { replayDeliveryAction } from "./actions";

type Log = Awaited<ReturnType<typeof listDeliveries>>;

export function DeliveryLog({ log, page, canManage }: { log: Log; page: number; canManage: boolean }) {
  if (log.total === 0) {
    return <EmptyState title="No deliveries yet" description="Events sent to your endpoints show up here." />;
  }
  return (
    <div className="grid gap-3">
      <DataTable
        label="Webhook deliveries"
        minWidth="52rem"
        rows={log.rows}
        rowKey={(d) => d.id}
        columns={[
          { header: "Time", cell: (d) => formatDateTime(d.createdAt), className: "whitespace-nowrap" },
          {
            header: "Event",
            cell: (d) => (
              <>
                <code className="font-mono text-xs">{d.eventType}</code>
                {d.replayOfId ? <span className="block text-xs text-muted-foreground">Replay</span> : null}
              </>
            ),
          },
          {
            header: "Endpoint",
            priority: "low",
            cell: (d) => d.endpoint.url,
            className: "max-w-[16rem] font-mono text-xs break-all",
          },
          { header: "Status", cell: (d) => <StatusBadge status={d.status} /> },
          { header: "Attempts", kind: "numeric", cell: (d) => d.attempts },
          {
            header: "Last response",
            className: "max-w-[16rem] text-xs",
            cell: (d) => (
              <>
                {d.lastStatusCode ? <span className="block font-mono">HTTP {d.lastStatusCode}</span> : null}
                {d.lastError && d.lastError !== `HTTP ${d.lastStatusCode}` ? (
                  <span className="block break-words text-destructive">{d.lastError}</span>
                ) : null}
                {!d.lastStatusCode && !d.lastError ? <span className="text-muted-foreground">—</span> : null}
              </>
            ),
          },
          {
            header: "Actions",
            kind: "actions",
            cell: (d) => (
              <div className="flex flex-wrap items-start justify-end gap-2">
                <Link
                  href={`/dashboard/webhooks?${new URLSearchParams({ ...(page > 1 ? { page: String(page) } : {}), delivery: d.id })}#delivery-details`}
                  className="text-sm font-medium underline underline-offset-4"
                >
                  Details
                  <span className="sr-only">
                    {" "}
                    of {d.eventType} at {formatDateTime(d.createdAt)}
                  </span>
                </Link>
                {canManage ? (
                  <ActionButton
                    action={replayDeliveryAction}
                    fields={{ id: d.id }}
                    label="Replay"
                    pendingLabel="Replaying…"
                    ariaLabel={`Replay ${d.eventType} at ${formatDateTime(d.createdAt)}`}
                  />
                ) : null}
              </div>
            ),
          },
        ]}
      />
      <Pagination
        basePath="/dashboard/webhooks"
        params={{}}
        page={page}
        pageCount={log.pageCount}
        total={log.total}
        noun="deliveries"
      />
    </div>
  );
}
