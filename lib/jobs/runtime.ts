import "server-only";
import type PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/logger";
import { jobQueue, jobQueueRunning } from "./boss";
import { cronMatches, parseCron } from "./cron";
import { handlers } from "./handlers";
import { queues, type QueueName } from "./queues";

// Starts the workers and the recurring queues' clock on this process's job queue. The app does this
// in-process unless JOBS_IN_PROCESS=false; `npm run worker` does it in a process of its own. Any
// number of processes may run it: pg-boss hands each job to one worker, and a recurring queue is
// sent at most once per minute whichever processes send it.

// Checked twice a minute, so every minute is seen at least once (as pg-boss's own scheduler did).
const CLOCK_MS = 30_000;
const recurring = Object.entries(queues).flatMap(([name, q]) =>
  "cron" in q ? [{ name: name as QueueName, cron: parseCron(q.cron) }] : [],
);

/**
 * Sends every recurring queue whose cron names the UTC minute of `now`. The job's singleton slot is
 * that minute (pg-boss singletonSeconds: 60, keyed by the queue), so checking a minute twice, or
 * from several processes, sends one job.
 */
export async function sendDueJobs(boss: PgBoss, now = new Date()) {
  const due = recurring.filter(({ cron }) => cronMatches(cron, now));
  for (const { name } of due) await boss.send(name, {}, { singletonKey: name, singletonSeconds: 60 });
  return due.map(({ name }) => name);
}

let started: Promise<void> | null = null;

export function startJobWorkers() {
  started ??= (async () => {
    const boss = await jobQueue();
    for (const name of Object.keys(queues) as QueueName[]) {
      const handler = handlers[name] as (job: unknown) => Promise<unknown>;
      await boss.work(
        name,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: env.JOBS_POLL_SECONDS },
        async ([job]) => handler(job),
      );
      // Schedules that pg-boss kept before the clock below replaced it.
      await boss.unschedule(name);
    }
    const tick = () => {
      if (!jobQueueRunning()) return; // stopped (a worker shutting down, a test's teardown)
      void jobQueue()
        .then((current) => sendDueJobs(current))
        .catch((e: unknown) => log.error({ err: e }, "recurring jobs not sent"));
    };
    tick();
    setInterval(tick, CLOCK_MS).unref();
  })().catch((e: unknown) => {
    started = null;
    throw e;
  });
  return started;
}
