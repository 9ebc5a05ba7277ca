import { afterAll, inject } from "vitest";

// Runs before each test file's imports, so lib/env sees the test database.
process.env.DATABASE_URL = inject("databaseUrl");
Object.assign(process.env, { NODE_ENV: "test" });
process.env.STRIPE_WEBHOOK_SECRET ??= "whsec_test_secret_for_vitest";

// A file that enqueued jobs started this process's job queue; stop it before the next file.
afterAll(async () => {
  const { stopJobQueue } = await import("@/lib/jobs/boss");
  await stopJobQueue();
});
