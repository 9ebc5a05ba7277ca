import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/logger";

/**
 * Starts the job queue's workers and schedules in this (app) process, unless JOBS_IN_PROCESS=false
 * says separate `npm run worker` processes do it. Enqueueing works either way.
 */
export async function startBackgroundWork() {
  if (!env.DATABASE_URL || env.NEXT_PHASE === "phase-production-build" || !env.JOBS_IN_PROCESS) return;
  const { startJobWorkers } = await import("@/lib/jobs/runtime");
  await startJobWorkers().catch((e: unknown) => log.error({ err: e }, "job workers failed to start"));
}
