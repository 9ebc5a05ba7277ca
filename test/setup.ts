import { inject } from "vitest";

// Runs before each test file's imports, so lib/env sees the test database.
process.env.DATABASE_URL = inject("databaseUrl");
Object.assign(process.env, { NODE_ENV: "test" });
