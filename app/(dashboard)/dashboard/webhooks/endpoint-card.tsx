"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { ActionButton } from "@/components/forms/action-button";
import { ConfirmItemButton } from "@/components/ui/confirm-button";
import { deleteEndpointAction, rollSecretAction, setEnabledAction, updateEventsAction } from "./actions";
import { EventCheckboxes } from "./event-checkboxes";
import { SecretField } from "./secret-field";

export type EndpointView = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  createdAt: string;
};

function EditEvents({ endpoint }: { endpoint: EndpointView }) {
  const [state, action] = useActionState(updateEventsAction, {});
  return (
    <details className="rounded-md border px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium">Edit events</summary>
      <form action={action} className="mt-3 grid gap-3">
        <input type="hidden" name="id" value={endpoint.id} />
        <EventCheckboxes
          idPrefix={endpoint.id}
          checked={(type) => endpoint.eventTypes.includes(type)}
          errors={state.fieldErrors?.eventTypes}
        />
        <SubmitButton size="sm" className="justify-self-start" pendingLabel="Saving…">
          Save events
        </SubmitButton>
        <p role={state.error ? "alert" : "status"} className="text-sm empty:hidden">
          {state.fieldErrors ? "" : (state.error ?? state.message ?? "")}
        </p>
      </form>
    </details>
  );
}

/** One endpoint. Owners and admins also get its secret and the controls; everyone else reads. */
export function EndpointCard({ endpoint, secret }: { endpoint: EndpointView; secret: string | null }) {
  const canManage = secret !== null;
  return (
    <Card>
      <CardHeader className="gap-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <h3 className="min-w-0 font-mono text-base font-semibold break-all">{endpoint.url}</h3>
          <StatusBadge status={endpoint.enabled ? "enabled" : "disabled"} />
        </div>
        {endpoint.description ? <CardDescription>{endpoint.description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-1">
          <p className="text-sm font-medium">Events</p>
          <ul className="flex flex-wrap gap-1.5" aria-label="Events sent to this endpoint">
            {endpoint.eventTypes.map((t) => (
              <li key={t}>
                <Badge variant="outline" className="font-mono font-normal">
                  {t}
                </Badge>
              </li>
            ))}
          </ul>
        </div>
        {canManage ? (
          <>
            <SecretField secret={secret} />
            <EditEvents endpoint={endpoint} />
            <div className="flex flex-wrap items-start gap-3">
              <ActionButton
                action={setEnabledAction}
                fields={{ id: endpoint.id, enabled: String(!endpoint.enabled) }}
                label={endpoint.enabled ? "Disable" : "Enable"}
                pendingLabel={endpoint.enabled ? "Disabling…" : "Enabling…"}
                ariaLabel={`${endpoint.enabled ? "Disable" : "Enable"} ${endpoint.url}`}
              />
              <ConfirmItemButton
                verb="Roll secret"
                item={`of ${endpoint.url}`}
                title="Roll the signing secret?"
                description="The current secret stops working at once."
                pendingLabel="Rolling…"
                action={rollSecretAction}
                fields={{ id: endpoint.id }}
              />
              <ConfirmItemButton
                verb="Delete"
                item={endpoint.url}
                title="Delete this endpoint?"
                description="Deliveries stop and the endpoint's delivery log is deleted."
                pendingLabel="Deleting…"
                action={deleteEndpointAction}
                fields={{ id: endpoint.id }}
              />
            </div>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
