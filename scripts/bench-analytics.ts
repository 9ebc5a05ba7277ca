// npm run bench:analytics (also the last part of npm run bench) — how long the admin analytics
// dashboard's queries take on the demo dataset (`db:seed -- --demo`). Prints figures; asserts nothing.
// BENCH_ANALYTICS_EVENTS=10000000 tops the dataset up to that many usage events (scripts/lib/
// analytics-scale.ts) and times the dashboard on the raw history, then after the rollup job's catch-up.
import { applyMigrations } from "@/lib/db/schema-engine";
import { env } from "@/lib/env";
import { seedScale } from "./lib/analytics-scale";
import { startThrowawayPostgres } from "./lib/throwaway-db";

const RUNS = 7;
const SCALE = Number(process.env.BENCH_ANALYTICS_EVENTS ?? 0);

async function main() {
  const database = await startThrowawayPostgres({
    prefix: "tollgate-bench-analytics-",
    database: "bench",
    fast: false,
  });
  try {
    env.DATABASE_URL = database.url;
    await applyMigrations(database.url);
    const { seedDemo } = await import("@/prisma/seed-demo");
    const started = performance.now();
    const summary = await seedDemo();
    console.log(
      `\nDemo dataset: ${summary.workspaces} workspaces, ${summary.users} users, ${summary.subscriptions} subscriptions, ` +
        `${summary.payments} payments, ${summary.usageEvents.toLocaleString("en-US")} usage events, ` +
        `${summary.ledgerEntries.toLocaleString("en-US")} ledger entries — seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const { db } = await import("@/lib/db");
    const { pool } = await import("@/lib/db/pool");
    if (SCALE > 0) {
      const t = performance.now();
      console.log(`\nTopping up to ${SCALE.toLocaleString("en-US")} usage events…`);
      const client = await pool().connect();
      try {
        const s = await seedScale(client, SCALE, console.log);
        console.log(
          `Scale dataset: ${s.usageEvents.toLocaleString("en-US")} usage events, ${s.ledgerEntries.toLocaleString("en-US")} ledger entries, ` +
            `${s.workspaces} workspaces, ${s.models} models — seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`,
        );
      } finally {
        client.release();
      }
    }
    await db.$executeRawUnsafe("analyze");

    const revenue = await import("@/lib/analytics/revenue");
    const usage = await import("@/lib/analytics/usage");
    const margins = await import("@/lib/analytics/margins");
    const { signupFunnel } = await import("@/lib/analytics/funnel");
    const { systemHealth } = await import("@/lib/analytics/health");
    const { lastDays } = await import("@/lib/analytics/range");
    const { stopJobQueue } = await import("@/lib/jobs/boss");
    const { runAnalyticsRollup } = await import("@/lib/analytics/rollups");

    // The same queries the page runs, each section in parallel as the page streams them.
    const queries = {
      recurringRevenue: revenue.recurringRevenue,
      mrrSeries: revenue.mrrSeries,
      activeByTier: revenue.activeByTier,
      subscriptionMovements: revenue.subscriptionMovements,
      paymentsByTier: revenue.paymentsByTier,
      creditsFlow: usage.creditsFlow,
      usageByModel: usage.usageByModel,
      marginByModel: margins.marginByModel,
      marginByTier: margins.marginByTier,
      usageByHour: usage.usageByHour,
      topWorkspaces: usage.topWorkspaces,
      signupFunnel,
      systemHealth: () => systemHealth(),
    } satisfies Record<string, (r: ReturnType<typeof lastDays>) => Promise<unknown>>;

    const measure = async (label: string, runs: number) => {
      console.log(
        `\nAdmin analytics, ${label} — median / max of ${runs} runs, ms (target: whole dashboard < 1000 ms)\n`,
      );
      for (const days of [30, 90]) {
        const range = lastDays(days);
        const perQuery = new Map<string, number[]>();
        const whole: number[] = [];
        for (let run = 0; run < runs; run++) {
          const t0 = performance.now();
          await Promise.all(
            Object.entries(queries).map(async ([name, query]) => {
              const t = performance.now();
              await query(range);
              perQuery.set(name, [...(perQuery.get(name) ?? []), performance.now() - t]);
            }),
          );
          whole.push(performance.now() - t0);
        }
        console.log(`last ${days} days: whole dashboard ${stat(whole)}`);
        for (const [name, times] of perQuery) console.log(`  ${name.padEnd(22)} ${stat(times)}`);
      }
    };

    // The raw history first (no day rolled up yet), then the rollup job's catch-up and the same again.
    // At millions of events one raw run takes tens of seconds; one run tells enough.
    await measure("raw history (no rollups)", SCALE > 3_000_000 ? 1 : SCALE > 1_000_000 ? 3 : RUNS);
    const t = performance.now();
    const rolled = await runAnalyticsRollup();
    await db.$executeRawUnsafe("analyze");
    console.log(
      `\nanalytics-rollup catch-up: ${rolled.days} days (${rolled.first} to ${rolled.last}) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    await measure("closed days from the daily rollups", RUNS);
    await stopJobQueue();
    await db.$disconnect();
    // The demo seed's connections see the server stop at the end; that is not news.
    const seedPool = pool();
    seedPool.removeAllListeners("error").on("error", () => {});
    await seedPool.end();
  } finally {
    await database.stop();
  }
}

function stat(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return `${sorted[Math.floor(sorted.length / 2)].toFixed(0).padStart(5)} / ${sorted[sorted.length - 1].toFixed(0).padStart(5)}`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
