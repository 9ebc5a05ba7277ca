import { Badge } from "@/components/ui/badge";
import type { WebhookEventStatus } from "@/lib/db";

/** Every status, in the order the filter lists them. */
export const EVENT_STATUSES: WebhookEventStatus[] = ["processed", "failed", "rejected", "ignored"];

const variant = {
  processed: "success",
  failed: "warning",
  rejected: "destructive",
  ignored: "outline",
} as const;

// Rejected: signed but malformed, answered 400 so Stripe stops; a replay cannot help it.
export const canReplay = (status: WebhookEventStatus) => status === "failed" || status === "ignored";

export function EventStatusBadge({ status }: { status: WebhookEventStatus }) {
  return <Badge variant={variant[status]}>{status}</Badge>;
}
