import "server-only";
import PgBoss from "pg-boss";
import { databaseUrl } from "@/lib/env";
import { queues, type JobData, type QueueName } from "./queues";
import { log } from "@/lib/observability/logger";

// The Postgres job queue (pg-boss, schema `pgboss` in Tollgate's database). One started instance
// per process: the app uses it to enqueue; workers (in the app process by default, or
// `npm run worker`) also fetch from it. lib/jobs/runtime.ts registers the workers.
const globalForBoss = globalThis as unknown as {
  tollgateBoss?: Promise<PgBoss>;
  tollgateBossStopping?: boolean;
};

async function startBoss() {
  const boss = new PgBoss({
    connectionString: databaseUrl(),
    schema: "pgboss",
    max: 5,
    application_name: "tollgate-jobs",
    // Recurring queues are sent by lib/jobs/runtime.ts (lib/jobs/cron.ts says why), not pg-boss's
    // scheduler.
    schedule: false,
  });
  // While stopping, connections closing under the queue's feet (the database shutting down too) are expected.
  boss.on("error", (e) => globalForBoss.tollgateBossStopping || log.error(`job queue: ${e.message}`));
  await boss.start();
  for (const [name, { options }] of Object.entries(queues)) {
    await boss.createQueue(name, { name, ...options });
    await boss.updateQueue(name, { name, ...options });
  }
  return boss;
}

export function jobQueue(): Promise<PgBoss> {
  globalForBoss.tollgateBoss ??= startBoss().catch((e: unknown) => {
    globalForBoss.tollgateBoss = undefined;
    throw e;
  });
  return globalForBoss.tollgateBoss;
}

/** Whether this process's job queue is started and not stopping (the recurring clock checks it). */
export const jobQueueRunning = () =>
  globalForBoss.tollgateBoss !== undefined && !globalForBoss.tollgateBossStopping;

/** Adds a job. For a stately queue, `singletonKey` keeps at most one waiting job per key. */
export async function enqueue<Q extends QueueName>(
  name: Q,
  data: JobData[Q],
  options: PgBoss.SendOptions = {},
) {
  return (await jobQueue()).send(name, data, options);
}

export async function stopJobQueue() {
  const boss = await globalForBoss.tollgateBoss?.catch(() => undefined);
  globalForBoss.tollgateBoss = undefined;
  globalForBoss.tollgateBossStopping = true;
  try {
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  } finally {
    globalForBoss.tollgateBossStopping = false;
  }
}
