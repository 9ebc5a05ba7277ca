import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here; migrations run through scripts/migrate.ts
// (Prisma's WebAssembly schema engine) so they work offline. `prisma migrate deploy` also works
// unchanged wherever the native engine can be downloaded.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/tollgate" },
});
