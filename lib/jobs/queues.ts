import type PgBoss from "pg-boss";

// Every queue Tollgate uses, with its retry policy and (for recurring work) its UTC cron schedule.
// Handlers live in lib/jobs/handlers.ts; this file stays import-free so anything can enqueue.
type QueueDefinition = { options: Omit<PgBoss.Queue, "name">; cron?: string };

/** First retry of a failed webhook delivery; each next one waits twice as long (about 30 min over 6 retries). */
export const WEBHOOK_RETRY_DELAY_SECONDS = 30;

export const queues = {
  // One outbox row per job. The first attempt happens inline when the email is queued; these are
  // the retries: 30 s, then doubling, six times (about half an hour in all), then `failed`.
  "email-deliver": { options: { policy: "stately", retryLimit: 6, retryDelay: 30, retryBackoff: true } },
  // Finds emails a crash left behind (queued, or held by a claim that ran out) and hands them back.
  "email-sweep": { options: { policy: "singleton" }, cron: "* * * * *" },
  // Quota and low-credit alerts for one workspace, raised by the metering path when a threshold
  // may have been crossed. stately: at most one waiting per workspace.
  "alerts-check": { options: { policy: "stately", retryLimit: 3, retryDelay: 10, retryBackoff: true } },
  // Auto top-up for one workspace, raised by the metering path when a charge left the balance
  // below the threshold (lib/billing/auto-top-up.ts claims the crossing). stately: one waiting per workspace.
  "auto-top-up": { options: { policy: "stately", retryLimit: 3, retryDelay: 30, retryBackoff: true } },
  "reservations-expire": { options: { policy: "singleton" }, cron: "* * * * *" },
  // Credit buckets whose time has come (included credits at month end, promotional after N days):
  // their remainders leave the balance with `expiry` ledger entries. Charges expire them too.
  "credits-expire": { options: { policy: "singleton" }, cron: "* * * * *" },
  // Local renewals, plans set to cancel (subscription expiry), plans unpaid past the grace period.
  "billing-clock": { options: { policy: "singleton", retryLimit: 2 }, cron: "* * * * *" },
  // Every plan's included credits for the UTC month (lib/billing/included-credits.ts). Daily, so a
  // missed or failed run catches up; a workspace is granted once per month whatever runs.
  "monthly-grants": { options: { policy: "singleton", retryLimit: 3 }, cron: "5 0 * * *" },
  "renewal-reminders": { options: { policy: "singleton", retryLimit: 3 }, cron: "5 * * * *" },
  "weekly-usage-summary": { options: { policy: "singleton", retryLimit: 3 }, cron: "0 8 * * 1" },
  "audit-retention": { options: { policy: "singleton", retryLimit: 3 }, cron: "30 3 * * *" },
  "ledger-check": { options: { policy: "singleton", retryLimit: 3 }, cron: "0 2 * * *" },
  // Scheduled analytics report emails (lib/reports/schedules.ts): hourly, each period sent once.
  "report-emails": { options: { policy: "singleton", retryLimit: 3 }, cron: "10 * * * *" },
  // Daily rollups of usage and the ledger for analytics (lib/analytics/rollups.ts): hourly, so a day
  // is rolled soon after it closes and a stopped worker catches up on its next run.
  "analytics-rollup": { options: { policy: "singleton", retryLimit: 3 }, cron: "20 * * * *" },
  // Monthly partitions of UsageEvent and LedgerEntry (lib/db/partitions.ts): three months kept
  // ahead, rows that landed in the default partition moved to their month. Daily; idempotent.
  "partition-months": { options: { policy: "singleton", retryLimit: 3 }, cron: "40 0 * * *" },
  // One outgoing webhook delivery per job; a failed attempt throws and the queue retries it with
  // backoff; the last retry marks it failed (lib/webhooks/deliver.ts).
  "webhook-deliver": {
    options: {
      policy: "stately",
      retryLimit: 6,
      retryDelay: WEBHOOK_RETRY_DELAY_SECONDS,
      retryBackoff: true,
    },
  },
  // Hands deliveries nobody enqueued yet (written by paths that do not dispatch after commit) to webhook-deliver.
  "webhook-sweep": { options: { policy: "singleton" }, cron: "* * * * *" },
} satisfies Record<string, QueueDefinition>;

export type QueueName = keyof typeof queues;
export type JobData = {
  "email-deliver": { outboxId: string };
  "alerts-check": { workspaceId: string };
  "auto-top-up": { workspaceId: string };
  "webhook-deliver": { deliveryId: string };
} & Record<
  Exclude<QueueName, "email-deliver" | "alerts-check" | "auto-top-up" | "webhook-deliver">,
  Record<string, never>
>;
