import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { applyMigrations } from "@/lib/db/schema-engine";
import { env } from "@/lib/env";
import { startProductionServer } from "./lib/production-server";
import { startThrowawayPostgres } from "./lib/throwaway-db";
const ADMIN_KEY = `tga_bench_${randomUUID().replaceAll("-", "")}`;
const MODEL = "poster-editor:inpaint-standard";
async function main() {
  const database = await startThrowawayPostgres({ prefix: "tollgate-probe-", database: "bench", fast: false });
  env.DATABASE_URL = database.url;
  await applyMigrations(database.url);
  const { seedCatalog } = await import("@/prisma/seed-catalog");
  await seedCatalog();
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  await pool.query(`insert into "Tier" (id, code, name, "monthlyPriceCents", "annualPriceCents", "rateLimitPerMinute", "dailyQuotaUnits", rank, "isPublic", "updatedAt") values ('tier_bench', 'bench', 'Bench', 0, 0, 100000000, 0, 99, false, now())`);
  await pool.query(`insert into "TierModel" ("tierId", "modelId") select 'tier_bench', id from "Model" where key = $1`, [MODEL]);
  const server = await startProductionServer({ DATABASE_URL: database.url, AUTH_SECRET: randomUUID() + randomUUID(), TOLLGATE_ADMIN_API_KEY: ADMIN_KEY });
  const base = server.base;
  const admin = (p: string, body: unknown) => fetch(`${base}/api/v1/admin${p}`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json());
  const ws = await admin("/workspaces", { name: "P", ownerEmail: "p@example.test", tier: "bench", accountType: "payg" });
  await admin(`/workspaces/${ws.id}/credits`, { millicredits: 5_000_000_000_000, reason: "b", idempotencyKey: "b" });
  const { key } = await admin(`/workspaces/${ws.id}/api-keys`, { name: "bench" });
  const body = JSON.stringify({ model: MODEL, quantity: 1 });
  const usage = { url: "/api/v1/usage", method: "POST" as const, headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body };
  const metrics = async () => { const t = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } }).then((r) => r.text()); const line = (n: string) => t.split("\n").filter((l) => l.startsWith(n) && l.includes("usage\"") ); return [...line("tollgate_api_request_duration_seconds_sum"), ...line("tollgate_api_request_duration_seconds_count")]; };
  const r0 = await autocannon({ ...usage, url: base + usage.url, connections: 8, duration: 3 });
  console.log("warm", r0.requests.average);
  console.log(await metrics());
  const r = await autocannon({ ...usage, url: base + usage.url, connections: 1, duration: 8 });
  console.log("c=1", r.requests.average, "p50", r.latency.p50, "mean", r.latency.average);
  console.log(await metrics());
  // sequential fetches timing
  const t = performance.now(); for (let i = 0; i < 200; i++) await fetch(base + usage.url, { method: "POST", headers: usage.headers, body }).then((x) => x.text());
  console.log("fetch seq mean ms", ((performance.now() - t) / 200).toFixed(2));
  await server.stop(); await pool.end(); await database.stop();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
