// npm run dev / npm run build / npm start: the database (embedded unless DATABASE_URL is set),
// migrations and seed, then Next.js (dev and start behind scripts/lib/serve.ts). The build needs the
// database too: /pricing is prerendered from the catalog (and revalidated when an admin changes it).
import "./lib/dotenv"; // before anything reads the environment
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveDatabase } from "@/lib/db/local";
import { applyMigrations } from "@/lib/db/schema-engine";
import { env } from "@/lib/env";

const mode = (["dev", "build", "start"] as const).find((m) => m === process.argv[2]) ?? "dev";

/** A stable secret for local runs, kept beside the embedded database so it survives restarts. */
function localSecret(name: string, prefix = "") {
  const file = path.resolve(".data", name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, prefix + randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
  const database = await resolveDatabase({
    url: env.DATABASE_URL,
    port: env.EMBEDDED_PG_PORT,
    dir: env.EMBEDDED_PG_DIR,
  });
  env.DATABASE_URL = database.url; // this process now provides the database
  if (database.embedded)
    console.log(`Embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT} (data in ${env.EMBEDDED_PG_DIR})`);
  const applied = await applyMigrations(database.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const { seed } = await import("@/prisma/seed");
  const created = await seed();
  if (created.length) {
    console.log("\nDemo logins (created now):");
    for (const l of created) console.log(`  ${l.role.padEnd(5)}  ${l.email}  /  ${l.password}`);
    console.log("");
  }
  const { db } = await import("@/lib/db");
  await db.$disconnect();

  const childEnv = {
    DATABASE_URL: database.url,
    AUTH_SECRET: env.AUTH_SECRET ?? localSecret("auth-secret"),
    STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET ?? localSecret("webhook-secret", "whsec_"),
    NEXTAUTH_URL: env.APP_URL,
  };
  if (mode === "build") {
    const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
      stdio: "inherit",
      env: { ...process.env, ...childEnv },
    });
    const stop = async (code: number) => {
      child.kill("SIGTERM");
      await database.stop().catch(() => {});
      process.exit(code);
    };
    process.on("SIGINT", () => void stop(0));
    process.on("SIGTERM", () => void stop(0));
    child.on("exit", (code) => void stop(code ?? 0));
    return;
  }
  // dev and start: Next runs in this process behind the server that computes the client address.
  Object.assign(process.env, childEnv, { NODE_ENV: mode === "dev" ? "development" : "production" });
  const { serveNext } = await import("./lib/serve");
  const server = await serveNext({ dev: mode === "dev", port: env.PORT });
  const shutdown = async (code: number) => {
    await server.close().catch(() => {});
    // Refused calls counted in memory since the last flush (the counters live on globalThis, shared with Next's bundle).
    const { flushRefusals } = await import("@/lib/metering/refusal-counts");
    await flushRefusals().catch(() => {});
    await database.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
