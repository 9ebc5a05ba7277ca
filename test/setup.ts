import { inject } from "vitest";

// Runs before each test file's imports, so lib/env sees the test database.
process.env.DATABASE_URL = inject("databaseUrl");
Object.assign(process.env, { NODE_ENV: "test" });
process.env.STRIPE_WEBHOOK_SECRET ??= "whsec_test_secret_for_vitest";
