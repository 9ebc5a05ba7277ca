// npm run bench:lighthouse — Lighthouse (mobile preset, the default) on every public page of a
// production build, served against a throwaway PostgreSQL with the catalog seeded. Prints the
// category scores, the page's LCP/TBT/CLS and what costs points; asserts nothing.
// LIGHTHOUSE_RUNS (default 3) runs each page that often and prints the median run (by performance
// score) with the spread of all runs. Then a price experiment is started and / and /pricing are
// measured again as a visitor assigned its B variant sees them (the proxy's rewrite to the static
// copy). LIGHTHOUSE_PAGES (comma-separated paths) measures only those pages;
// LIGHTHOUSE_EXPERIMENT=false skips the experiment pass; LIGHTHOUSE_REPORT_DIR writes each median
// run's full JSON report there (open it in https://googlechrome.github.io/lighthouse/viewer/) and
// its trace (<page>.trace.json, for DevTools' Performance panel).
//
// Lighthouse simulates a slow phone from what it observes, so CPU time spent by other processes on
// a shared machine reads as the page's own: the load average and Lighthouse's CPU benchmark index
// (higher is a faster CPU; Lighthouse's 4x phone slowdown assumes a fast desktop, ~1,000+) are
// printed beside every page. Compare scores only between runs at a similar index.
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { applyMigrations } from "@/lib/db/schema-engine";
import { env } from "@/lib/env";
import { startProductionServer } from "./lib/production-server";
import { startThrowawayPostgres } from "./lib/throwaway-db";

const PAGES = process.env.LIGHTHOUSE_PAGES?.split(",").map((p) => p.trim()) ?? [
  "/",
  "/pricing",
  "/docs/api",
  "/sign-up",
  "/sign-in",
];
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const EXPERIMENT = process.env.LIGHTHOUSE_EXPERIMENT !== "false";
const REPORT_DIR = process.env.LIGHTHOUSE_REPORT_DIR;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
// Lighthouse's own user agent is a bot to the experiment proxy (bots see the control): the variant
// pass presents as the same phone without the "Chrome-Lighthouse" token.
const PHONE_UA =
  "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Mobile Safari/537.36";

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];
type Details = { type?: string; items?: Record<string, unknown>[] };

const score = (lhr: Result, c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
const ms = (lhr: Result, audit: string) => lhr.audits[audit]?.numericValue ?? NaN;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const details = (lhr: Result, audit: string) => (lhr.audits[audit]?.details ?? {}) as Details;
const shortUrl = (url: unknown) => String(url).replace(/^https?:\/\/[^/]+/, "");

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

/** What to act on: the LCP element and its phases, the JavaScript shipped and what runs longest. */
function diagnosis(lhr: Result) {
  const out: string[] = [];
  const lcp = (details(lhr, "lcp-breakdown-insight").items ?? []) as Details[];
  const node = lcp.find((d) => d.type === "node") as { snippet?: string; nodeLabel?: string } | undefined;
  if (node)
    out.push(`LCP element: ${node.snippet?.slice(0, 90) ?? ""} "${node.nodeLabel?.slice(0, 40) ?? ""}"`);
  const phases = lcp.find((d) => d.type === "table")?.items ?? [];
  if (phases.length)
    out.push(
      `LCP phases (observed): ${phases.map((p) => `${p.label} ${Math.round(Number(p.duration))} ms`).join(", ")}`,
    );
  const resources = details(lhr, "resource-summary").items ?? [];
  const scripts = resources.find((r) => r.resourceType === "script");
  const css = resources.find((r) => r.resourceType === "stylesheet");
  const doc = resources.find((r) => r.resourceType === "document");
  out.push(
    `bytes (transferred): document ${kib(Number(doc?.transferSize ?? 0))}, JS ${kib(Number(scripts?.transferSize ?? 0))} in ${scripts?.requestCount ?? 0} files, CSS ${kib(Number(css?.transferSize ?? 0))}`,
  );
  const bootup = (details(lhr, "bootup-time").items ?? [])
    .slice(0, 3)
    .map((i) => `${shortUrl(i.url)} ${Math.round(Number(i.total))} ms`);
  if (bootup.length) out.push(`JS execution (simulated): ${bootup.join(", ")}`);
  const work = (details(lhr, "mainthread-work-breakdown").items ?? [])
    .slice(0, 4)
    .map((i) => `${i.groupLabel} ${Math.round(Number(i.duration))} ms`);
  if (work.length) out.push(`main thread (simulated): ${work.join(", ")}`);
  const tasks = (details(lhr, "long-tasks").items ?? [])
    .slice(0, 3)
    .map((i) => `${shortUrl(i.url)} ${Math.round(Number(i.duration))} ms`);
  if (tasks.length) out.push(`longest tasks: ${tasks.join(", ")}`);
  return out;
}

async function measure(
  chrome: chromeLauncher.LaunchedChrome,
  label: string,
  url: string,
  extra: { cookie?: string } = {},
) {
  const headers = extra.cookie ? { Cookie: extra.cookie } : undefined;
  // The first request of a route warms the server, not the measurement.
  await fetch(url, { headers: { ...headers, "User-Agent": PHONE_UA } });
  const runs: { lhr: Result; trace: unknown }[] = [];
  const load = os.loadavg()[0];
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
        ...(headers ? { extraHeaders: headers, emulatedUserAgent: PHONE_UA } : {}),
      },
      undefined,
    );
    if (result) runs.push({ lhr: result.lhr, trace: result.artifacts.Trace });
  }
  runs.sort((a, b) => score(a.lhr, "performance") - score(b.lhr, "performance"));
  const { lhr, trace } = runs[Math.floor(runs.length / 2)];
  const [p, a, b, s] = CATEGORIES.map((c) => String(score(lhr, c)).padStart(4));
  const spread = `${score(runs[0].lhr, "performance")}–${score(runs[runs.length - 1].lhr, "performance")}`;
  console.log(
    `${label.padEnd(18)} ${p} ${spread.padStart(7)}  ${a}  ${b}  ${s}  ${String(Math.round(ms(lhr, "largest-contentful-paint"))).padStart(6)}  ${String(Math.round(ms(lhr, "total-blocking-time"))).padStart(6)}  ${ms(lhr, "cumulative-layout-shift").toFixed(3)}  ${load.toFixed(1).padStart(5)}  ${String(Math.round(lhr.environment.benchmarkIndex)).padStart(5)}`,
  );
  for (const line of [...diagnosis(lhr), ...losses(lhr)]) console.log(`                   - ${line}`);
  if (REPORT_DIR) {
    mkdirSync(REPORT_DIR, { recursive: true });
    const file = path.join(
      REPORT_DIR,
      label
        .replace(/^\/(?=\s|$)/, "home")
        .replace(/[^\w]+/g, "_")
        .replace(/^_|_$/g, ""),
    );
    writeFileSync(`${file}.json`, JSON.stringify(lhr));
    writeFileSync(`${file}.trace.json`, JSON.stringify(trace));
  }
}

/** Starts a two-variant experiment on the first paid plan; returns a signed B-variant cookie and B's price. */
async function startExperimentForVariantB() {
  const { experimentTiers, createExperiment, startExperiment } = await import("@/lib/experiments/manage");
  const { EXPERIMENT_COOKIE, signExperimentCookie, newVisitorId } = await import("@/lib/experiments/cookie");
  const [tier] = await experimentTiers();
  if (!tier) return null;
  const price = {
    monthlyPriceCents: tier.monthlyPriceCents + 700,
    annualPriceCents: tier.annualPriceCents + 7000,
  };
  const experiment = await createExperiment(null, {
    name: "Lighthouse",
    variants: [
      { key: "A", control: true, weight: 50, prices: [] },
      {
        key: "B",
        control: false,
        weight: 50,
        prices: [{ tierId: tier.id, ...price, includedMillicredits: null }],
      },
    ],
  });
  await startExperiment(null, experiment.id);
  const b = experiment.variants.find((v) => v.key === "B")!;
  const value = signExperimentCookie({
    experimentId: experiment.id,
    variantId: b.id,
    visitorId: newVisitorId(),
    counted: true,
  });
  return { cookie: `${EXPERIMENT_COOKIE}=${value}`, monthly: `$${price.monthlyPriceCents / 100}` };
}

async function main() {
  const database = await startThrowawayPostgres({
    prefix: "tollgate-lh-",
    database: "lighthouse",
    fast: true,
  });
  env.DATABASE_URL = database.url;
  env.AUTH_SECRET = randomUUID() + randomUUID();
  await applyMigrations(database.url);
  const { seedCatalog } = await import("@/prisma/seed-catalog");
  await seedCatalog();
  const server = await startProductionServer({
    DATABASE_URL: database.url,
    AUTH_SECRET: env.AUTH_SECRET,
  });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    console.log(
      `\nLighthouse, mobile preset, median of ${RUNS} run(s) per page (spread: min–max performance)\n`,
    );
    console.log("page                perf  spread  a11y  best  seo   LCP ms  TBT ms  CLS    load  bench");
    for (const page of PAGES) await measure(chrome, page, `${server.base}${page}`);
    const variantPages = PAGES.filter((p) => p === "/" || p === "/pricing");
    const variant = EXPERIMENT && variantPages.length ? await startExperimentForVariantB() : null;
    if (variant) {
      // The running experiment is cached for a few seconds in the server; wait it out.
      await new Promise((r) => setTimeout(r, 3_500));
      console.log(
        `\nWith a price experiment running, as a visitor of variant B (plan at ${variant.monthly}):`,
      );
      for (const page of variantPages) {
        const html = await fetch(`${server.base}${page}`, {
          headers: { Cookie: variant.cookie, "User-Agent": PHONE_UA },
        }).then((r) => r.text());
        const shown = html.includes(variant.monthly) ? "variant copy" : "NOT the variant copy";
        await measure(chrome, `${page} (B)`, `${server.base}${page}`, { cookie: variant.cookie });
        console.log(`                   - served: ${shown}`);
      }
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
