// npm run worker: the background jobs (email delivery and retries, alerts, reminders, expiry,
// ledger check…) in a process of their own. Run as many as you like beside app servers started
// with JOBS_IN_PROCESS=false; pg-boss gives each job to one worker.
import "./lib/dotenv"; // before anything reads the environment
import { resolveDatabase } from "@/lib/db/local";
import { applyMigrations } from "@/lib/db/schema-engine";
import { env } from "@/lib/env";

async function main() {
  const database = await resolveDatabase({
    url: env.DATABASE_URL,
    port: env.EMBEDDED_PG_PORT,
    dir: env.EMBEDDED_PG_DIR,
  });
  env.DATABASE_URL = database.url;
  await applyMigrations(database.url);
  const { startJobWorkers } = await import("@/lib/jobs/runtime");
  const { stopJobQueue } = await import("@/lib/jobs/boss");
  const { queues } = await import("@/lib/jobs/queues");
  await startJobWorkers();
  console.log(`Tollgate worker running ${Object.keys(queues).length} queues (pid ${process.pid}).`);
  const shutdown = async () => {
    console.log("Worker stopping: finishing the jobs in hand…");
    await stopJobQueue();
    await database.stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
