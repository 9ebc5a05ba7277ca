// System health for the admin overview and /api/metrics: database latency, job backlog, email
// delivery, the last ledger check and failing webhook deliveries. Every probe fails soft; the
// thresholds that turn figures into ok / warning / critical live in ./health-levels.ts.
import "server-only";
import { db, type LedgerCheck } from "@/lib/db";
import { env } from "@/lib/env";
import { jobQueue } from "@/lib/jobs/boss";
import { queues, type QueueName } from "@/lib/jobs/queues";

const PROBE_TIMEOUT_MS = 3000;
// An email still queued after this long means delivery is stuck (the first attempt is inline).
const STUCK_EMAIL_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out`)), PROBE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Milliseconds for one `select 1`, or null when the database doesn't answer. */
export async function databaseRoundTrip(): Promise<number | null> {
  const started = performance.now();
  try {
    await withTimeout(db.$queryRaw`select 1`, "database");
    return Math.round((performance.now() - started) * 10) / 10;
  } catch {
    return null;
  }
}

export type QueueBacklog = { queue: QueueName; waiting: number | null };

/** Jobs waiting per queue; `waiting` is null for every queue when the job queue can't be reached. */
export async function queueBacklog(): Promise<QueueBacklog[]> {
  const names = Object.keys(queues) as QueueName[];
  try {
    const boss = await withTimeout(jobQueue(), "job queue");
    return await withTimeout(
      Promise.all(names.map(async (queue) => ({ queue, waiting: await boss.getQueueSize(queue) }))),
      "job queue",
    );
  } catch {
    return names.map((queue) => ({ queue, waiting: null }));
  }
}

/** Whether emails can leave the outbox at all (lib/email/send.ts sends only with RESEND_API_KEY). */
export const emailProviderConfigured = () => Boolean(env.RESEND_API_KEY);

export type EmailTrouble = {
  /** Whether an email provider (Resend) is configured; without one every email stays queued. */
  configured: boolean;
  failed: number;
  stuck: number;
  /** Sent and failed in the last 24 hours: is the provider delivering? */
  sentLastDay: number;
  failedLastDay: number;
};

export async function emailTrouble(now = new Date()): Promise<EmailTrouble> {
  const stuckBefore = new Date(now.getTime() - STUCK_EMAIL_MS).toISOString();
  const dayAgo = new Date(now.getTime() - DAY_MS).toISOString();
  const [row] = await db.$queryRaw<Omit<EmailTrouble, "configured">[]>`
    select (count(*) filter (where o.status = 'failed'))::int as failed,
      (count(*) filter (where o.status = 'queued' and o."createdAt" < ${stuckBefore}::timestamp))::int as stuck,
      (count(*) filter (where o.status = 'sent' and o."sentAt" >= ${dayAgo}::timestamp))::int as "sentLastDay",
      (count(*) filter (where o.status = 'failed' and coalesce(o."lastAttemptAt", o."createdAt") >= ${dayAgo}::timestamp))::int as "failedLastDay"
    from "EmailOutbox" o
    where o.status in ('failed', 'queued') or (o.status = 'sent' and o."sentAt" >= ${dayAgo}::timestamp)`;
  return { configured: emailProviderConfigured(), ...row };
}

export type WebhookTrouble = { failedLastDay: number; retrying: number };

/** Outgoing webhook deliveries that gave up in the last 24 hours, and those still being retried. */
export async function webhookTrouble(now = new Date()): Promise<WebhookTrouble> {
  const dayAgo = new Date(now.getTime() - DAY_MS).toISOString();
  const [row] = await db.$queryRaw<WebhookTrouble[]>`
    select (count(*) filter (where d.status = 'failed' and coalesce(d."lastAttemptAt", d."createdAt") >= ${dayAgo}::timestamp))::int as "failedLastDay",
      (count(*) filter (where d.status = 'pending' and d.attempts > 0))::int as retrying
    from "WebhookDelivery" d
    where d.status in ('failed', 'pending')`;
  return row;
}

export const lastLedgerCheck = (): Promise<LedgerCheck | null> =>
  db.ledgerCheck.findFirst({ orderBy: [{ day: "desc" }, { createdAt: "desc" }] });

export type SystemHealth = {
  dbMs: number | null;
  queues: QueueBacklog[];
  ledgerCheck: LedgerCheck | null;
  email: EmailTrouble;
  webhooks: WebhookTrouble;
};

/** Every health figure, measured now (the overview grades them with assessHealth). */
export async function systemHealth(now = new Date()): Promise<SystemHealth> {
  const [dbMs, backlog, ledgerCheck, email, webhooks] = await Promise.all([
    databaseRoundTrip(),
    queueBacklog(),
    lastLedgerCheck(),
    emailTrouble(now),
    webhookTrouble(now),
  ]);
  return { dbMs, queues: backlog, ledgerCheck, email, webhooks };
}
