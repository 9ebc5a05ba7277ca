import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { assertLocalDatabase } from "@/lib/db/local";
import { applyMigrations } from "@/lib/db/schema-engine";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

// Each run gets its own throw-away PostgreSQL (own port, own directory), migrated from prisma/migrations.
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tollgate-test-pg-"));
  chmodSync(dir, 0o755); // PostgreSQL runs as the `postgres` user and must reach its data directory
  const db = await startEmbeddedPostgres({ dir: path.join(dir, "data"), port: await freePort(), database: "tollgate_test", persistent: false, fast: true });
  assertLocalDatabase(db.url);
  await applyMigrations(db.url);
  // Seed the catalog once, as `npm run dev` would; tests add their own rows beside it.
  process.env.DATABASE_URL = db.url;
  const { seedCatalog } = await import("@/prisma/seed-catalog");
  await seedCatalog();
  const { db: client } = await import("@/lib/db");
  await client.$disconnect();
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
