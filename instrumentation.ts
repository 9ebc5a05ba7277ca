// Runs once when a Next.js server starts. Background work that must happen without a request
// (expired reservation holds) runs here until the Postgres job queue takes it over.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("@/lib/background");
  startBackgroundWork();
}
