import "server-only";
import { env } from "@/lib/env";
import { jobQueue } from "./boss";
import { handlers } from "./handlers";
import { queues, type QueueName } from "./queues";

// Starts the workers and the cron schedules on this process's job queue. The app does this
// in-process unless JOBS_IN_PROCESS=false; `npm run worker` does it in a process of its own. Any
// number of processes may run it: pg-boss hands each job to one worker, and schedules are kept
// once in the database.

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
      const { cron } = queues[name] as { cron?: string };
      if (cron) await boss.schedule(name, cron, {}, { tz: "UTC" });
    }
  })().catch((e: unknown) => {
    started = null;
    throw e;
  });
  return started;
}
