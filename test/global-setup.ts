import type { TestProject } from "vitest/node";
import { assertLocalDatabase } from "@/lib/db/local";
import { applyMigrations } from "@/lib/db/schema-engine";
import { startThrowawayPostgres } from "@/scripts/lib/throwaway-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// Each run gets its own throw-away PostgreSQL (own port, own directory), migrated from prisma/migrations.
export default async function setup(project: TestProject) {
  const db = await startThrowawayPostgres({
    prefix: "tollgate-test-pg-",
    database: "tollgate_test",
    fast: true,
  });
  assertLocalDatabase(db.url);
  await applyMigrations(db.url);
  // Seed the catalog once, as `npm run dev` would; tests add their own rows beside it.
  process.env.DATABASE_URL = db.url;
  const { seedCatalog } = await import("@/prisma/seed-catalog");
  await seedCatalog();
  const { db: client } = await import("@/lib/db");
  await client.$disconnect();
  project.provide("databaseUrl", db.url);
  return db.stop;
}
