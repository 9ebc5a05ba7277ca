// npm run bench — throughput and latency of POST /api/v1/usage on a production build against embedded
// PostgreSQL, next to a baseline of the same SQL issued directly (alternating pairs, median printed),
// batch ingestion, one-connection latency and the tail at a fixed rate of half the capacity; then the
// ledger invariants. Prints figures; asserts nothing about time. BENCH_SECONDS per run, BENCH_PAIRS.
// BENCH_FIGURES (e.g. "a,d,d'") runs only those figures (default: all of a, b, c, refusals, d, d');
// BENCH_RATE fixes (d')'s rate instead of half of (a)'s endpoint figure.
import { randomUUID } from "node:crypto";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { Pool as HttpPool } from "undici";
import { applyMigrations } from "@/lib/db/schema-engine";
import { env } from "@/lib/env";
import { startProductionServer } from "./lib/production-server";
import { startThrowawayPostgres } from "./lib/throwaway-db";

const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 20);
const WORKSPACES = 100;
const ADMIN_KEY = `tga_bench_${randomUUID().replaceAll("-", "")}`;
const MODEL = "poster-editor:inpaint-standard";
/** Endpoint/baseline pairs per figure (BENCH_PAIRS): the median pair is reported. */
const PAIRS = Math.max(1, Number(process.env.BENCH_PAIRS ?? 3));
const FIGURES = new Set((process.env.BENCH_FIGURES ?? "a,b,c,refusals,d,d'").split(",").map((f) => f.trim()));
const FIXED_RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : null;

type Run = { label: string; rps: number; p50: number; p90: number; p99: number; ok: number; non2xx: number };

async function main() {
  const database = await startThrowawayPostgres({
    prefix: "tollgate-bench-",
    database: "bench",
    fast: false,
  });
  env.DATABASE_URL = database.url;
  await applyMigrations(database.url);
  const { seedCatalog } = await import("@/prisma/seed-catalog");
  await seedCatalog();
  const pool = new pg.Pool({ connectionString: database.url, max: CONNECTIONS });
  pool.on("error", () => {}); // idle connections see the server stop at the end
  // A private tier without a rate limit worth hitting, so the benchmark measures charging, not 429s.
  await pool.query(`insert into "Tier" (id, code, name, "monthlyPriceCents", "annualPriceCents", "rateLimitPerMinute", "dailyQuotaUnits", rank, "isPublic", "updatedAt")
                    values ('tier_bench', 'bench', 'Bench', 0, 0, 100000000, 0, 99, false, now())`);
  await pool.query(
    `insert into "TierModel" ("tierId", "modelId") select 'tier_bench', id from "Model" where key = $1`,
    [MODEL],
  );

  const server = await startProductionServer({
    DATABASE_URL: database.url,
    AUTH_SECRET: randomUUID() + randomUUID(),
    TOLLGATE_ADMIN_API_KEY: ADMIN_KEY,
  });
  const base = server.base;

  try {
    const admin = (p: string, body: unknown) =>
      fetch(`${base}/api/v1/admin${p}`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then(async (r) => {
        if (!r.ok) throw new Error(`${p}: ${r.status} ${await r.text()}`);
        return r.json();
      });
    const keys: { workspaceId: string; key: string }[] = [];
    for (let i = 0; i < WORKSPACES + 1; i++) {
      const ws = await admin("/workspaces", {
        name: `Bench ${i}`,
        ownerEmail: `bench-${i}@example.test`,
        tier: "bench",
        accountType: "payg",
      });
      await admin(`/workspaces/${ws.id}/credits`, {
        millicredits: 5_000_000_000_000,
        reason: "benchmark",
        idempotencyKey: `bench-${i}`,
      });
      const { key } = await admin(`/workspaces/${ws.id}/api-keys`, { name: "bench" });
      keys.push({ workspaceId: ws.id, key });
    }
    // A workspace without credits: every call is refused (402), and counted (lib/metering/refusal-counts).
    const brokeWs = await admin("/workspaces", {
      name: "Bench broke",
      ownerEmail: "bench-broke@example.test",
      tier: "bench",
      accountType: "payg",
    });
    const broke = [
      {
        workspaceId: brokeWs.id,
        key: (await admin(`/workspaces/${brokeWs.id}/api-keys`, { name: "bench" })).key,
      },
    ];
    const spread = keys.slice(0, WORKSPACES);
    const hot = [keys[WORKSPACES]];
    const body = JSON.stringify({ model: MODEL, quantity: 1 });

    const endpoint = async (
      label: string,
      set: typeof keys,
      urlPath = "/api/v1/usage",
      payload = body,
      expectRefused = false,
      load: { connections?: number } = {},
    ): Promise<Run> => {
      let i = 0;
      const result = await autocannon({
        url: `${base}${urlPath}`,
        connections: load.connections ?? CONNECTIONS,
        duration: DURATION_S,
        requests: [
          {
            method: "POST",
            setupRequest: (req) => ({
              ...req,
              headers: {
                "content-type": "application/json",
                authorization: `Bearer ${set[i++ % set.length].key}`,
              },
              body: payload,
            }),
          },
        ],
      });
      const ok = result["2xx"] + (expectRefused ? result.non2xx : 0);
      return {
        label,
        rps: result.requests.average,
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        ok,
        non2xx: result.non2xx,
      };
    };

    // An open-loop load: calls sent on a fixed schedule (every 1/rate s) whatever the answers do, each
    // on a free connection, latency counted from when the call was due (so a stall in the sender or
    // the server counts, not hidden). autocannon's overallRate is not this: it sends each second's
    // quota back to back at the start of the second, so a "half capacity" run was a burst of all
    // connections at once every second and its tail measured the burst.
    const openLoop = async (label: string, set: typeof keys, rate: number): Promise<Run> => {
      const http = new HttpPool(base, { connections: 256 });
      const latencies: number[] = [];
      let non2xx = 0;
      const start = performance.now() + 50;
      const total = Math.round(rate * DURATION_S);
      const calls: Promise<void>[] = [];
      for (let n = 0; n < total; n++) {
        const due = start + (n * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        calls.push(
          http
            .request({
              path: "/api/v1/usage",
              method: "POST",
              headers: {
                "content-type": "application/json",
                authorization: `Bearer ${set[n % set.length].key}`,
              },
              body,
            })
            .then(async (res) => {
              await res.body.dump();
              if (res.statusCode >= 300) non2xx++;
              latencies.push(performance.now() - due);
            }),
        );
      }
      await Promise.all(calls);
      const elapsed = (performance.now() - start) / 1000;
      await http.close();
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))];
      return {
        label,
        rps: latencies.length / elapsed,
        p50: at(0.5),
        p90: at(0.9),
        p99: at(0.99),
        ok: latencies.length - non2xx,
        non2xx,
      };
    };

    // The same statement the endpoint runs per call, issued in this process without HTTP: the
    // metering domain itself (lib/metering), with each key remembered as the server remembers it, so
    // every call is the one statement that authenticates, counts the minute and charges.
    const { authenticate, cachedCaller } = await import("@/lib/metering/authenticate");
    const { chargeUsage } = await import("@/lib/metering/charge");
    const baseline = async (label: string, set: typeof keys): Promise<Run> => {
      for (const k of set) await authenticate(`Bearer ${k.key}`);
      const latencies: number[] = [];
      const end = Date.now() + DURATION_S * 1000;
      let n = 0;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (Date.now() < end) {
            const t = performance.now();
            const caller = await cachedCaller(`Bearer ${set[n++ % set.length].key}`);
            await chargeUsage(caller!, { model: MODEL, quantity: 1 }, null);
            latencies.push(performance.now() - t);
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      return {
        label,
        rps: latencies.length / DURATION_S,
        p50: latencies[Math.floor(latencies.length * 0.5)],
        p90: latencies[Math.floor(latencies.length * 0.9)],
        p99: latencies[Math.floor(latencies.length * 0.99)],
        ok: latencies.length,
        non2xx: 0,
      };
    };

    // Warm the server up (JIT, connection pools, catalog snapshot) before measuring.
    await autocannon({
      url: `${base}/api/v1/usage`,
      connections: CONNECTIONS,
      duration: 3,
      requests: [
        {
          method: "POST",
          setupRequest: (req) => ({
            ...req,
            headers: { "content-type": "application/json", authorization: `Bearer ${spread[0].key}` },
            body,
          }),
        },
      ],
    });
    // Endpoint and baseline alternate (A B A B …) so a slow spell of the shared machine hits both;
    // each ratio is one pair's, and the median pair is printed with the spread of all pairs.
    const pairs = async (label: string, set: typeof keys) => {
      const runs: { endpoint: Run; baseline: Run; ratio: number }[] = [];
      for (let i = 0; i < PAIRS; i++) {
        const e = await endpoint(`endpoint ${label}`, set);
        const b = await baseline(`baseline ${label}`, set);
        runs.push({ endpoint: e, baseline: b, ratio: e.rps / b.rps });
      }
      runs.sort((x, y) => x.ratio - y.ratio);
      return { ...runs[Math.floor(runs.length / 2)], min: runs[0].ratio, max: runs.at(-1)!.ratio };
    };
    const run = <T>(figure: string, measure: () => Promise<T>) =>
      FIGURES.has(figure) ? measure() : Promise.resolve(null);
    const a = await run("a", () => pairs("(a) 100 workspaces", spread));
    const b = await run("b", () => pairs("(b) one hot workspace", hot));
    const batchBody = JSON.stringify({
      events: Array.from({ length: 100 }, () => ({ model: MODEL, quantity: 1 })),
    });
    const batch = await run("c", () =>
      endpoint("(c) batch, 100 events/request", spread, "/api/v1/usage/batch", batchBody),
    );
    const refused = await run("refusals", () =>
      endpoint("refusals (one workspace, all 402)", broke, "/api/v1/usage", body, true),
    );
    // (d) one connection: the latency one call adds to an app's request.
    const single = await run("d", () =>
      endpoint("(d) one connection", spread, "/api/v1/usage", body, false, { connections: 1 }),
    );
    // (d') a fixed rate of half the measured capacity, open loop: the tail an app sees under everyday load.
    const rate = Math.max(1, Math.round(FIXED_RATE ?? (a ? a.endpoint.rps / 2 : 150)));
    const fixed = await run("d'", () => openLoop(`(d') fixed ${rate} req/s`, spread, rate));

    const fmt = (r: Run) =>
      `${r.label.padEnd(40)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(1).padStart(6)}   p90 ${r.p90.toFixed(1).padStart(6)}   p99 ${r.p99.toFixed(1).padStart(6)} ms   non-2xx ${r.non2xx}`;
    console.log(
      `\nTollgate benchmark — ${CONNECTIONS} connections, ${DURATION_S} s per run, ${PAIRS} endpoint/baseline pairs, ${os.cpus().length} CPUs\n`,
    );
    for (const r of [a?.endpoint, a?.baseline, b?.endpoint, b?.baseline, batch, refused, single, fixed])
      if (r) console.log(fmt(r));
    if (refused) {
      // Refusals are counted in the server's memory and flushed every 2 s: wait for the last flush.
      await new Promise((r) => setTimeout(r, 3_000));
      const counted = await pool
        .query(`select coalesce(sum("count"), 0)::text as n from "RefusalCount" where "workspaceId" = $1`, [
          brokeWs.id,
        ])
        .then((r) => r.rows[0].n as string)
        .catch(() => "n/a");
      console.log(`refusals answered ${refused.non2xx}, counted ${counted}`);
    }
    const spread2 = (p: NonNullable<typeof a>) =>
      `${p.ratio.toFixed(2)} (pairs ${p.min.toFixed(2)}–${p.max.toFixed(2)})`;
    const summary: [string, string, string][] = [["figure", "now", "target"]];
    if (a)
      summary.push([
        "(a) ratio, 100 workspaces",
        spread2(a),
        `≥ 0.75 and ≥ 1,000 req/s (${a.endpoint.rps.toFixed(0)})`,
      ]);
    if (b) summary.push(["(b) ratio, one hot workspace", spread2(b), "≥ 0.75"]);
    if (batch) summary.push(["(c) batch events/s", (batch.rps * 100).toFixed(0), "≥ 30,000"]);
    if (single)
      summary.push([
        "(d) one connection p50 / p99",
        `${single.p50.toFixed(1)} / ${single.p99.toFixed(1)} ms`,
        "≤ 2 / ≤ 6 ms",
      ]);
    if (fixed)
      summary.push([
        `(d') ${rate} req/s p50 / p90 / p99`,
        `${fixed.p50.toFixed(1)} / ${fixed.p90.toFixed(1)} / ${fixed.p99.toFixed(1)} ms`,
        "p99 ≤ 15 ms",
      ]);
    console.log();
    for (const [figure, now, target] of summary)
      console.log(`${figure.padEnd(36)} ${now.padEnd(30)} ${target}`);

    const { rows: check } = await pool.query(`
      select count(*) filter (where w."balanceMillicredits" < 0) as negative,
             count(*) filter (where w."balanceMillicredits" <> coalesce(l.sum, 0)) as mismatched,
             (select count(*) from "UsageEvent" e where e."chargedMillicredits" > 0) as charged_events,
             (select count(*) from "LedgerEntry" where kind = 'usage') as usage_entries
      from "Workspace" w left join (select "workspaceId", sum("amountMillicredits") as sum from "LedgerEntry" group by 1) l on l."workspaceId" = w.id`);
    const c = check[0];
    console.log(
      `\ninvariants: negative balances ${c.negative}, balance ≠ ledger sum ${c.mismatched}, charged events ${c.charged_events} = usage ledger entries ${c.usage_entries}: ${c.negative === "0" && c.mismatched === "0" && c.charged_events === c.usage_entries ? "OK" : "VIOLATED"}`,
    );
    if (!(c.negative === "0" && c.mismatched === "0" && c.charged_events === c.usage_entries))
      process.exitCode = 1;
  } finally {
    await server.stop();
    await pool.end();
    // The baseline's pool (lib/db/pool, in this process) keeps its connections open: close them first.
    await (await import("@/lib/db/pool")).pool().end();
    await database.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
