// System health for the analytics page: database latency, job backlog, the last ledger check and
// email delivery trouble. Not bound to the date range; every probe fails soft.
import "server-only";
import { db, type LedgerCheck } from "@/lib/db";
import { jobQueue } from "@/lib/jobs/boss";
import { queues, type QueueName } from "@/lib/jobs/queues";

const PROBE_TIMEOUT_MS = 3000;
// An email still queued after this long means delivery is stuck (the first attempt is inline).
const STUCK_EMAIL_MS = 10 * 60 * 1000;

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

export type EmailTrouble = { failed: number; stuck: number };

export async function emailTrouble(now = new Date()): Promise<EmailTrouble> {
  const stuckBefore = new Date(now.getTime() - STUCK_EMAIL_MS).toISOString();
  const [row] = await db.$queryRaw<EmailTrouble[]>`
    select (count(*) filter (where o.status = 'failed'))::int as failed,
      (count(*) filter (where o.status = 'queued' and o."createdAt" < ${stuckBefore}::timestamp))::int as stuck
    from "EmailOutbox" o
    where o.status in ('failed', 'queued')`;
  return row;
}

export const lastLedgerCheck = (): Promise<LedgerCheck | null> =>
  db.ledgerCheck.findFirst({ orderBy: [{ day: "desc" }, { createdAt: "desc" }] });

export type SystemHealth = {
  dbMs: number | null;
  queues: QueueBacklog[];
  ledgerCheck: LedgerCheck | null;
  email: EmailTrouble;
};

export async function systemHealth(): Promise<SystemHealth> {
  const [dbMs, backlog, ledgerCheck, email] = await Promise.all([
    databaseRoundTrip(),
    queueBacklog(),
    lastLedgerCheck(),
    emailTrouble(),
  ]);
  return { dbMs, queues: backlog, ledgerCheck, email };
}
