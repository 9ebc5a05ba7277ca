import "./scripts/lib/dotenv";
import pg from "pg";
import { resolveDatabase } from "@/lib/db/local";
import { env } from "@/lib/env";
const db = await resolveDatabase({ url: env.DATABASE_URL, port: env.EMBEDDED_PG_PORT, dir: env.EMBEDDED_PG_DIR });
const c = new pg.Client(db.url);
await c.connect();
try {
  for (const q of process.argv.slice(2)) {
    const r = await c.query(q);
    console.log(JSON.stringify(Array.isArray(r) ? r.map((x) => x.rows) : r.rows, (_, v) => (typeof v === "bigint" ? String(v) : v)));
  }
} catch (e) { console.error(String(e)); }
await c.end();
await db.stop();
process.exit(0);
