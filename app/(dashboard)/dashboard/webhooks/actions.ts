"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, userAction } from "@/lib/auth/action";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  InvalidWebhookError,
  rollWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from "@/lib/webhooks/endpoints";
import { replayDelivery } from "@/lib/webhooks/replay";

// Every action names the acting user; the domain checks that they own or administer the workspace
// and that the endpoint or delivery belongs to it, so a forged id reaches nothing.

const PATH = "/dashboard/webhooks";
const EVENT_FIELD = "event:";

/** Event checkboxes are named "event:<type>" (one field each, since the form data is read as an object). */
const checkedEvents = (input: Record<string, unknown>) =>
  Object.keys(input)
    .filter((k) => k.startsWith(EVENT_FIELD))
    .map((k) => k.slice(EVENT_FIELD.length));

const idSchema = z.object({ id: z.string().min(1) });
const endpointSchema = z.looseObject({
  url: z
    .string()
    .trim()
    .min(1, "Enter the URL Tollgate should send events to.")
    .max(2000, "Use at most 2,000 characters."),
  description: z.string().trim().max(200, "Use at most 200 characters.").default(""),
});

/** The domain's validation errors become field messages, with the form refilled. */
async function withFieldErrors(
  values: Record<string, string>,
  run: () => Promise<ActionState>,
): Promise<ActionState> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof InvalidWebhookError)) throw e;
    return {
      error: "Please correct the highlighted fields.",
      fieldErrors: { [String(e.details.field)]: [e.message] },
      values,
    };
  }
}

const stringValues = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => typeof e[1] === "string"));

export const createEndpointAction = userAction(endpointSchema, async (input, { user, workspace }) =>
  withFieldErrors(stringValues(input), async () => {
    await createWebhookEndpoint({ id: user.id, email: user.email }, workspace.id, {
      url: input.url,
      description: input.description,
      eventTypes: checkedEvents(input),
    });
    revalidatePath(PATH);
    return { ok: true, message: "Endpoint added. Reveal its signing secret below to verify deliveries." };
  }),
);

export const updateEventsAction = userAction(idSchema.loose(), async (input, { user, workspace }) =>
  withFieldErrors({}, async () => {
    await updateWebhookEndpoint({ id: user.id, email: user.email }, workspace.id, input.id, {
      eventTypes: checkedEvents(input),
    });
    revalidatePath(PATH);
    return { ok: true, message: "Events saved." };
  }),
);

export const setEnabledAction = userAction(
  idSchema.extend({ enabled: z.enum(["true", "false"]) }),
  async ({ id, enabled }, { user, workspace }) => {
    const endpoint = await setWebhookEndpointEnabled(
      { id: user.id, email: user.email },
      workspace.id,
      id,
      enabled === "true",
    );
    revalidatePath(PATH);
    return { ok: true, message: endpoint.enabled ? "Endpoint enabled." : "Endpoint disabled." };
  },
);

export const rollSecretAction = userAction(idSchema, async ({ id }, { user, workspace }) => {
  await rollWebhookSecret({ id: user.id, email: user.email }, workspace.id, id);
  revalidatePath(PATH);
  return { ok: true, message: "Secret rolled. Update your receiver: the old secret no longer works." };
});

export const deleteEndpointAction = userAction(idSchema, async ({ id }, { user, workspace }) => {
  await deleteWebhookEndpoint({ id: user.id, email: user.email }, workspace.id, id);
  revalidatePath(PATH);
  return { ok: true, message: "Endpoint deleted." };
});

export const replayDeliveryAction = userAction(idSchema, async ({ id }, { user }) => {
  // replayDelivery checks that the user owns or administers the delivery's workspace.
  const replay = await replayDelivery({ id: user.id, email: user.email }, id);
  revalidatePath(PATH);
  return replay.status === "succeeded"
    ? { ok: true, message: `Replayed: delivered (HTTP ${replay.lastStatusCode}).` }
    : { ok: true, message: `Replayed: ${replay.lastError ?? "not delivered yet"}. It will be retried.` };
});
