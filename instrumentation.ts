// Runs once when a Next.js server starts: the Postgres job queue's workers and schedules run here
// unless JOBS_IN_PROCESS=false (then `npm run worker` runs them).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("@/lib/background");
  await startBackgroundWork();
}
