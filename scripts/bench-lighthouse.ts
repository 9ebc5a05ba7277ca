// npm run bench:lighthouse — Lighthouse (mobile preset, the default) on every public page of a
// production build, served against a throwaway PostgreSQL with the catalog seeded. Prints the
// category scores, the page's LCP/TBT/CLS and what costs points; asserts nothing.
// LIGHTHOUSE_RUNS (default 3) runs each page that often and prints the median run.
import { randomUUID } from "node:crypto";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { applyMigrations } from "@/lib/db/schema-engine";
import { env } from "@/lib/env";
import { startProductionServer } from "./lib/production-server";
import { startThrowawayPostgres } from "./lib/throwaway-db";

const PAGES = ["/", "/pricing", "/docs/api", "/sign-up", "/sign-in"];
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

const score = (lhr: Result, c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
const ms = (lhr: Result, audit: string) => lhr.audits[audit]?.numericValue ?? NaN;

/** What cost points: failed audits of the non-performance categories, and the performance audits that weigh. */
function losses(lhr: Result) {
  const out: string[] = [];
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 0.9 || (ref.weight === 0 && c !== "performance")) continue;
      if (c === "performance" && ref.weight === 0 && !a.details) continue;
      out.push(`${c}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`);
    }
  }
  return out;
}

async function main() {
  const database = await startThrowawayPostgres({
    prefix: "tollgate-lh-",
    database: "lighthouse",
    fast: true,
  });
  env.DATABASE_URL = database.url;
  await applyMigrations(database.url);
  const { seedCatalog } = await import("@/prisma/seed-catalog");
  await seedCatalog();
  const server = await startProductionServer({
    DATABASE_URL: database.url,
    AUTH_SECRET: randomUUID() + randomUUID(),
  });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    console.log(`\nLighthouse, mobile preset, median of ${RUNS} run(s) per page\n`);
    console.log("page        perf  a11y  best  seo   LCP ms  TBT ms  CLS");
    for (const path of PAGES) {
      const url = `${server.base}${path}`;
      await fetch(url); // the first request of a route warms the server, not the measurement
      const runs: Result[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: [...CATEGORIES],
        });
        if (result) runs.push(result.lhr);
      }
      runs.sort((a, b) => score(a, "performance") - score(b, "performance"));
      const lhr = runs[Math.floor(runs.length / 2)];
      const [p, a, b, s] = CATEGORIES.map((c) => String(score(lhr, c)).padStart(4));
      console.log(
        `${path.padEnd(11)} ${p}  ${a}  ${b}  ${s}  ${String(Math.round(ms(lhr, "largest-contentful-paint"))).padStart(6)}  ${String(Math.round(ms(lhr, "total-blocking-time"))).padStart(6)}  ${ms(lhr, "cumulative-layout-shift").toFixed(3)}`,
      );
      for (const line of losses(lhr)) console.log(`            - ${line}`);
    }
  } finally {
    chrome.kill();
    await server.stop();
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
