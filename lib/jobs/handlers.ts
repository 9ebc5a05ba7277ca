import "server-only";
import type PgBoss from "pg-boss";
import { runAnalyticsRollup } from "@/lib/analytics/rollups";
import { applyAuditRetention } from "@/lib/audit/retention";
import { runAutoTopUp } from "@/lib/billing/auto-top-up";
import { expireDueCredits } from "@/lib/billing/buckets";
import { grantMonthlyCredits } from "@/lib/billing/included-credits";
import { runLedgerCheck } from "@/lib/billing/ledger-check";
import { sendRenewalReminders } from "@/lib/billing/renewal-reminders";
import { db } from "@/lib/db";
import { ensureMonthPartitions } from "@/lib/db/partitions";
import { env } from "@/lib/env";
import { attemptDelivery } from "@/lib/email/send";
import { releaseExpiredReservations } from "@/lib/metering/reservations";
import { dropExpiredChatClaims } from "@/lib/proxy/idempotency";
import { checkWorkspaceAlerts, sendWeeklySummaries } from "@/lib/notifications/alerts";
import { runBillingClock } from "@/lib/payments/billing-clock";
import { sendDueReports } from "@/lib/reports/schedules";
import { attemptWebhookDelivery, dispatchWebhookDeliveries } from "@/lib/webhooks/deliver";
import { enqueue } from "./boss";
import type { JobData, QueueName } from "./queues";

// What each queue does. Every handler is idempotent: run twice, or on two workers at once, it has
// one effect (claims, unique keys and re-reads of current state — see each function).

type Handler<Q extends QueueName> = (job: PgBoss.JobWithMetadata<JobData[Q]>) => Promise<unknown>;

/** Queued emails nobody is working on: never attempted (a crash right after commit) or a claim that ran out. */
export async function sweepOutbox(now = new Date()) {
  if (!env.RESEND_API_KEY) return { handedBack: 0 };
  const stale = new Date(now.getTime() - 2 * 60_000);
  const rows = await db.emailOutbox.findMany({
    where: {
      createdAt: { gt: new Date(now.getTime() - 864e5) },
      OR: [
        { status: "queued", attempts: 0, createdAt: { lt: stale } },
        { status: "sending", lockedUntil: { lt: now } },
      ],
    },
    select: { id: true },
    take: 500,
  });
  for (const { id } of rows) await enqueue("email-deliver", { outboxId: id }, { singletonKey: id });
  return { handedBack: rows.length };
}

export const handlers: { [Q in QueueName]: Handler<Q> } = {
  "email-deliver": async (job) => {
    const { row, retry } = await attemptDelivery(job.data.outboxId, {
      final: job.retryCount >= job.retryLimit,
    });
    // Throwing hands the retry (with backoff) to the queue.
    if (retry) throw new Error(row.lastError ?? "Email delivery failed");
    return { status: row.status };
  },
  "email-sweep": () => sweepOutbox(),
  "alerts-check": (job) => checkWorkspaceAlerts(job.data.workspaceId),
  "auto-top-up": (job) => runAutoTopUp(job.data.workspaceId),
  "reservations-expire": async () => ({
    released: await releaseExpiredReservations(),
    chatClaimsDropped: await dropExpiredChatClaims(),
  }),
  "credits-expire": async () => ({ workspaces: await expireDueCredits() }),
  "billing-clock": () => runBillingClock(),
  "monthly-grants": () => grantMonthlyCredits(),
  "renewal-reminders": () => sendRenewalReminders(),
  "weekly-usage-summary": () => sendWeeklySummaries(),
  "audit-retention": () => applyAuditRetention(),
  "ledger-check": () => runLedgerCheck(),
  "report-emails": () => sendDueReports(),
  "analytics-rollup": () => runAnalyticsRollup(),
  "partition-months": () => ensureMonthPartitions(),
  "webhook-deliver": async (job) => {
    const { row, retry } = await attemptWebhookDelivery(job.data.deliveryId, {
      final: job.retryCount >= job.retryLimit,
    });
    if (retry) throw new Error(row?.lastError ?? "Webhook delivery failed");
    return { status: row?.status ?? "gone" };
  },
  "webhook-sweep": async () => ({ handedBack: await dispatchWebhookDeliveries() }),
};
