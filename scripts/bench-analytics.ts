// npm run bench:analytics (also the last part of npm run bench) — how long the admin analytics
// dashboard's queries take on the demo dataset (`db:seed -- --demo`). Prints figures; asserts nothing.
import { applyMigrations } from "@/lib/db/schema-engine";
import { env } from "@/lib/env";
import { startThrowawayPostgres } from "./lib/throwaway-db";

const RUNS = 7;

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
    await db.$executeRawUnsafe("analyze");

    const revenue = await import("@/lib/analytics/revenue");
    const usage = await import("@/lib/analytics/usage");
    const margins = await import("@/lib/analytics/margins");
    const { signupFunnel } = await import("@/lib/analytics/funnel");
    const { systemHealth } = await import("@/lib/analytics/health");
    const { lastDays } = await import("@/lib/analytics/range");
    const { stopJobQueue } = await import("@/lib/jobs/boss");

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

    console.log(`\nAdmin analytics — median / max of ${RUNS} runs, ms (target: whole dashboard < 1000 ms)\n`);
    for (const days of [30, 90]) {
      const range = lastDays(days);
      const perQuery = new Map<string, number[]>();
      const whole: number[] = [];
      for (let run = 0; run < RUNS; run++) {
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
    await stopJobQueue();
    await db.$disconnect();
    // The demo seed's connections see the server stop at the end; that is not news.
    const seedPool = (await import("@/lib/db/pool")).pool();
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
