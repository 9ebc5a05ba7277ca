// GET /dashboard/webhooks — the workspace's webhook endpoints, their delivery log, and how to verify signatures.
import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { parsePage } from "@/components/ui/pagination";
import { getDashboardContext } from "@/lib/auth/session";
import { can } from "@/lib/workspaces/permissions";
import { formatDateTime } from "@/lib/utils/format";
import { deliveryBody } from "@/lib/webhooks/deliver";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { getDelivery, listDeliveries } from "@/lib/webhooks/replay";
import { DeliveryLog } from "./delivery-log";
import { EndpointCard } from "./endpoint-card";
import { EndpointForm } from "./endpoint-form";
import { VerifySignatures } from "./verify-signatures";

export const metadata: Metadata = { title: "Webhooks" };

type SearchParams = Promise<{ page?: string | string[]; delivery?: string | string[] }>;

export default async function WebhooksPage({ searchParams }: { searchParams: SearchParams }) {
  const { workspace, role } = await getDashboardContext();
  const params = await searchParams;
  const canManage = can(role, "webhooks.manage");
  const page = parsePage(params.page);
  const deliveryId = typeof params.delivery === "string" ? params.delivery : null;
  const [endpoints, log, selected] = await Promise.all([
    listWebhookEndpoints(workspace.id),
    listDeliveries(workspace.id, page),
    deliveryId ? getDelivery(workspace.id, deliveryId) : null,
  ]);

  return (
    <div className="mx-auto grid max-w-6xl gap-8">
      <PageHeader
        title="Webhooks"
        description={`Tollgate tells your servers when ${workspace.name}'s plan, payments, credits or quota change, with a signed POST to each endpoint you add.`}
      />

      {canManage ? (
        <TitledCard
          title="Add endpoint"
          description="Choose the events it should receive. Each endpoint gets its own signing secret."
        >
          <EndpointForm />
        </TitledCard>
      ) : (
        <Alert variant="info">
          Only workspace owners and admins can manage webhooks. You can see the endpoints and the delivery
          log.
        </Alert>
      )}

      <section aria-labelledby="endpoints-heading" className="grid gap-3">
        <h2 id="endpoints-heading" className="text-xl font-semibold tracking-tight">
          Endpoints
        </h2>
        {endpoints.length === 0 ? (
          <EmptyState
            title="No webhook endpoints yet"
            description={
              canManage
                ? "Add one above to receive events."
                : "An owner or admin of this workspace can add one."
            }
          />
        ) : (
          <div className="grid gap-4">
            {endpoints.map((e) => (
              <EndpointCard
                key={e.id}
                endpoint={{
                  id: e.id,
                  url: e.url,
                  description: e.description,
                  eventTypes: e.eventTypes,
                  enabled: e.enabled,
                  createdAt: e.createdAt.toISOString(),
                }}
                secret={canManage ? e.secret : null}
              />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="deliveries-heading" className="grid gap-3">
        <h2 id="deliveries-heading" className="text-xl font-semibold tracking-tight">
          Delivery log
        </h2>
        <DeliveryLog log={log} page={page} canManage={canManage} />
      </section>

      {selected ? (
        <section
          id="delivery-details"
          aria-labelledby="delivery-details-heading"
          className="grid gap-3 rounded-lg border bg-card p-4 sm:p-6"
        >
          <h2 id="delivery-details-heading" className="text-xl font-semibold tracking-tight">
            Delivery details
          </h2>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-muted-foreground">Event id</dt>
            <dd className="font-mono break-all">{selected.eventId}</dd>
            <dt className="text-muted-foreground">Event type</dt>
            <dd className="font-mono">{selected.eventType}</dd>
            <dt className="text-muted-foreground">Endpoint</dt>
            <dd className="font-mono break-all">{selected.endpoint.url}</dd>
            <dt className="text-muted-foreground">Status</dt>
            <dd>
              <StatusBadge status={selected.status} />
            </dd>
            <dt className="text-muted-foreground">Created</dt>
            <dd>{formatDateTime(selected.createdAt)}</dd>
            <dt className="text-muted-foreground">Delivered</dt>
            <dd>{selected.deliveredAt ? formatDateTime(selected.deliveredAt) : "Not yet"}</dd>
          </dl>
          <h3 className="text-sm font-medium">Payload</h3>
          <pre
            role="region"
            tabIndex={0}
            aria-label="Payload"
            className="max-h-96 overflow-auto rounded-md bg-muted p-4 font-mono text-xs focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          >
            {JSON.stringify(JSON.parse(deliveryBody(selected.payload)), null, 2)}
          </pre>
        </section>
      ) : null}

      <VerifySignatures />
    </div>
  );
}
