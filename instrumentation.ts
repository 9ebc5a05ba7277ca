// Runs once when a Next.js server starts: OpenTelemetry traces when OTEL_EXPORTER_OTLP_ENDPOINT is
// set (@vercel/otel, OTLP over HTTP), and the Postgres job queue's workers and schedules unless
// JOBS_IN_PROCESS=false (then `npm run worker` runs them).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { registerOTel } = await import("@vercel/otel");
    registerOTel({ serviceName: env.OTEL_SERVICE_NAME });
  }
  const { startBackgroundWork } = await import("@/lib/background");
  await startBackgroundWork();
}
