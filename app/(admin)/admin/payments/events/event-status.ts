import type { WebhookEventStatus } from "@/lib/db";

/** Every status, in the order the filter lists them. */
export const EVENT_STATUSES: WebhookEventStatus[] = ["processed", "failed", "rejected", "ignored"];

// Rejected: signed but malformed, answered 400 so Stripe stops; a replay cannot help it.
export const canReplay = (status: WebhookEventStatus) => status === "failed" || status === "ignored";
