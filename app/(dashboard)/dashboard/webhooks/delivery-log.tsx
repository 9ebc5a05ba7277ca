import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import type { WebhookDeliveryStatus } from "@/lib/db";
import { formatDateTime } from "@/lib/utils/format";
import type { listDeliveries } from "@/lib/webhooks/replay";
import { ActionButton } from "@/components/forms/action-button";
import { replayDeliveryAction } from "./actions";

type Log = Awaited<ReturnType<typeof listDeliveries>>;

const STATUS: Record<
  WebhookDeliveryStatus,
  { label: string; variant: "success" | "warning" | "destructive" }
> = {
  succeeded: { label: "Succeeded", variant: "success" },
  pending: { label: "Pending", variant: "warning" },
  failed: { label: "Failed", variant: "destructive" },
};

export const deliveryStatus = (s: WebhookDeliveryStatus) => (
  <Badge variant={STATUS[s].variant}>{STATUS[s].label}</Badge>
);

export function DeliveryLog({ log, page, canManage }: { log: Log; page: number; canManage: boolean }) {
  if (log.total === 0) {
    return (
      <EmptyState title="No deliveries yet">
        <p>Events sent to your endpoints show up here.</p>
      </EmptyState>
    );
  }
  return (
    <div className="grid gap-3">
      <DataTable label="Webhook deliveries" minWidth="min-w-[60rem]">
        <thead>
          <tr>
            <Th>Time</Th>
            <Th>Event</Th>
            <Th>Endpoint</Th>
            <Th>Status</Th>
            <Th className="text-right">Attempts</Th>
            <Th>Last response</Th>
            <Th className="text-right">Actions</Th>
          </tr>
        </thead>
        <tbody>
          {log.rows.map((d) => (
            <tr key={d.id}>
              <Td className="whitespace-nowrap">{formatDateTime(d.createdAt)}</Td>
              <Td>
                <code className="font-mono text-xs">{d.eventType}</code>
                {d.replayOfId ? <span className="block text-xs text-muted-foreground">Replay</span> : null}
              </Td>
              <Td className="max-w-[16rem] font-mono text-xs break-all">{d.endpoint.url}</Td>
              <Td>{deliveryStatus(d.status)}</Td>
              <Td className="text-right tabular-nums">{d.attempts}</Td>
              <Td className="max-w-[16rem] text-xs">
                {d.lastStatusCode ? <span className="block font-mono">HTTP {d.lastStatusCode}</span> : null}
                {d.lastError && d.lastError !== `HTTP ${d.lastStatusCode}` ? (
                  <span className="block break-words text-destructive">{d.lastError}</span>
                ) : null}
                {!d.lastStatusCode && !d.lastError ? <span className="text-muted-foreground">—</span> : null}
              </Td>
              <Td>
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
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
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
