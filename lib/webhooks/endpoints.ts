import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx, type WebhookEndpoint } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, NotFoundError } from "@/lib/errors";
import { assertCan } from "@/lib/workspaces/permissions";
import { refusedDestination } from "./destination";
import { isWebhookEventType, type WebhookEventType } from "./event-types";
import { newWebhookSecret } from "./sign";

// A workspace's webhook endpoints. Only its owners and admins manage them (the secret signs what
// Tollgate sends, so whoever sees it can forge deliveries); every change is audited in the same
// transaction. Audit entries never contain the secret.

export type WebhookActor = { id: string; email: string };
export type EndpointInput = { url: string; description: string; eventTypes: string[] };

export const MAX_ENDPOINTS = 10;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export class InvalidWebhookError extends AppError {
  constructor(field: "url" | "eventTypes", message: string) {
    super("invalid_webhook", message, 400, { field });
  }
}

/** Owner or admin of this workspace, read from the database (never from the client). */
export async function assertCanManageWebhooks(actor: WebhookActor, workspaceId: string) {
  const m = await db.membership.findUnique({
    where: { userId_workspaceId: { userId: actor.id, workspaceId } },
    select: { role: true },
  });
  assertCan(m?.role ?? "", "webhooks.manage");
}

/** http(s) only; in production https, except for a receiver on this machine. */
export function parseEndpointUrl(raw: string, production = env.NODE_ENV === "production") {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InvalidWebhookError("url", "Enter a full URL, like https://example.com/webhooks/tollgate.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new InvalidWebhookError("url", "The URL must start with https://.");
  if (production && url.protocol === "http:" && !LOCAL_HOSTS.has(url.hostname))
    throw new InvalidWebhookError("url", "Use an https:// URL. Plain http is only allowed for localhost.");
  if (url.username || url.password) throw new InvalidWebhookError("url", "Leave credentials out of the URL.");
  return url.toString();
}

/** A valid URL that does not point into a private network (see destination.ts). */
async function publicEndpointUrl(raw: string) {
  const url = parseEndpointUrl(raw);
  const refused = await refusedDestination(url);
  if (refused?.reason === "unresolvable")
    throw new InvalidWebhookError(
      "url",
      `No address was found for ${new URL(url).hostname}. Check the host name for typos.`,
    );
  if (refused)
    throw new InvalidWebhookError(
      "url",
      "This URL points into a private network. Use an address on the public internet.",
    );
  return url;
}

export function parseEventTypes(types: string[]): WebhookEventType[] {
  const unique = [...new Set(types)];
  if (unique.length === 0) throw new InvalidWebhookError("eventTypes", "Choose at least one event.");
  const unknown = unique.find((t) => !isWebhookEventType(t));
  if (unknown) throw new InvalidWebhookError("eventTypes", `Unknown event type “${unknown}”.`);
  return unique as WebhookEventType[];
}

const audited = (e: WebhookEndpoint) => ({
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  enabled: e.enabled,
});

async function ownEndpoint(tx: Tx, workspaceId: string, id: string) {
  const endpoint = await tx.webhookEndpoint.findFirst({ where: { id, workspaceId } });
  if (!endpoint) throw new NotFoundError("Webhook endpoint");
  return endpoint;
}

export async function createWebhookEndpoint(actor: WebhookActor, workspaceId: string, input: EndpointInput) {
  await assertCanManageWebhooks(actor, workspaceId);
  const url = await publicEndpointUrl(input.url);
  const eventTypes = parseEventTypes(input.eventTypes);
  return db.$transaction(async (tx) => {
    if ((await tx.webhookEndpoint.count({ where: { workspaceId } })) >= MAX_ENDPOINTS) {
      throw new AppError(
        "too_many_endpoints",
        `A workspace can have at most ${MAX_ENDPOINTS} webhook endpoints.`,
        409,
      );
    }
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        workspaceId,
        url,
        description: input.description.trim(),
        eventTypes,
        secret: newWebhookSecret(),
        createdById: actor.id,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "webhook_endpoint.create",
      targetType: "webhook_endpoint",
      targetId: endpoint.id,
      after: audited(endpoint),
    });
    return endpoint;
  });
}

async function change(
  actor: WebhookActor,
  workspaceId: string,
  id: string,
  action: string,
  data: (
    e: WebhookEndpoint,
  ) => Partial<Pick<WebhookEndpoint, "url" | "description" | "eventTypes" | "enabled" | "secret">>,
) {
  await assertCanManageWebhooks(actor, workspaceId);
  return db.$transaction(async (tx) => {
    const before = await ownEndpoint(tx, workspaceId, id);
    const after = await tx.webhookEndpoint.update({ where: { id }, data: data(before) });
    await recordAudit(tx, {
      actor,
      action,
      targetType: "webhook_endpoint",
      targetId: id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

export async function updateWebhookEndpoint(
  actor: WebhookActor,
  workspaceId: string,
  id: string,
  input: Partial<EndpointInput>,
) {
  const url = input.url === undefined ? undefined : await publicEndpointUrl(input.url);
  const eventTypes = input.eventTypes === undefined ? undefined : parseEventTypes(input.eventTypes);
  return change(actor, workspaceId, id, "webhook_endpoint.update", () => ({
    url,
    eventTypes,
    description: input.description?.trim(),
  }));
}

export function setWebhookEndpointEnabled(
  actor: WebhookActor,
  workspaceId: string,
  id: string,
  enabled: boolean,
) {
  return change(
    actor,
    workspaceId,
    id,
    enabled ? "webhook_endpoint.enable" : "webhook_endpoint.disable",
    () => ({ enabled }),
  );
}

/** A new secret takes effect at once: the receiver must switch to it. */
export function rollWebhookSecret(actor: WebhookActor, workspaceId: string, id: string) {
  return change(actor, workspaceId, id, "webhook_endpoint.roll_secret", () => ({
    secret: newWebhookSecret(),
  }));
}

/** Deleting an endpoint deletes its delivery log with it. */
export async function deleteWebhookEndpoint(actor: WebhookActor, workspaceId: string, id: string) {
  await assertCanManageWebhooks(actor, workspaceId);
  return db.$transaction(async (tx) => {
    const endpoint = await ownEndpoint(tx, workspaceId, id);
    await tx.webhookEndpoint.delete({ where: { id } });
    await recordAudit(tx, {
      actor,
      action: "webhook_endpoint.delete",
      targetType: "webhook_endpoint",
      targetId: id,
      before: audited(endpoint),
    });
    return endpoint;
  });
}

export function listWebhookEndpoints(workspaceId: string) {
  return db.webhookEndpoint.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });
}
