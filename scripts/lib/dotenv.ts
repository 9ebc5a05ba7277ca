// Imported first by the npm scripts that start Tollgate (dev, build, start, worker, db): `.env.local`
// and `.env` set what the process environment does not, before lib/env.ts reads it — the same files
// and precedence Next.js uses for the app itself, so PORT, EMBEDDED_PG_PORT and DATABASE_URL in
// `.env` apply to the database and server these scripts start, not only to the app.
import { existsSync } from "node:fs";

for (const file of [".env.local", ".env"]) if (existsSync(file)) process.loadEnvFile(file);
