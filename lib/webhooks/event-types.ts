// The events Tollgate sends to a workspace's webhook endpoints. Import-free, so the dashboard's
// client components can list them too.
export const WEBHOOK_EVENT_TYPES = [
  "subscription.created",
  "subscription.updated",
  "subscription.canceled",
  "payment.failed",
  "credits.low",
  "quota.warning",
  "quota.exceeded",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "subscription.created": "A plan started.",
  "subscription.updated": "A plan changed: tier, interval, status, renewal or cancel at period end.",
  "subscription.canceled": "A plan ended.",
  "payment.failed": "A renewal payment could not be charged.",
  "credits.low": "Credits fell below 10% of the last top-up or grant.",
  "quota.warning": "80% of today's quota is used.",
  "quota.exceeded": "100% of today's quota is used.",
};

export const isWebhookEventType = (v: string): v is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(v);
