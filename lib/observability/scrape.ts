import "server-only";
import { timingSafeEqual } from "node:crypto";
import { collectDefaultMetrics, Gauge } from "prom-client";
import { systemHealth, type SystemHealth } from "@/lib/analytics/health";
import { assessHealth } from "@/lib/analytics/health-levels";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authenticateAdminKey } from "@/lib/management/auth";
import { InvalidApiKeyError } from "@/lib/metering/errors";
import { METRIC, metrics } from "./metrics";

// GET /api/metrics: who may scrape, and the gauges read from the database at scrape time (never on
// the request path). The health figures are the admin overview's (one systemHealth()), read once
// per scrape however many gauges need them.

/** Bearer METRICS_TOKEN (compared in constant time) or an admin API key; anything else is 401. */
export async function authorizeScrape(authorization: string | null) {
  const bearer = /^Bearer\s+(\S+)$/.exec(authorization?.trim() ?? "")?.[1];
  if (!bearer) throw new InvalidApiKeyError();
  if (env.METRICS_TOKEN) {
    const given = Buffer.from(bearer);
    const wanted = Buffer.from(env.METRICS_TOKEN);
    if (given.length === wanted.length && timingSafeEqual(given, wanted)) return;
  }
  await authenticateAdminKey(authorization);
}

type Snapshot = { health: SystemHealth; outbox: { status: string; count: number }[]; at: Date };

// Every gauge's collect() awaits the same reading; a second scrape within a second reuses it.
let pending: { promise: Promise<Snapshot>; at: number } | null = null;
function snapshot(): Promise<Snapshot> {
  if (pending && Date.now() - pending.at < 1000) return pending.promise;
  const at = new Date();
  const promise = Promise.all([
    systemHealth(at),
    db.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
  ]).then(([health, rows]) => ({
    health,
    outbox: rows.map((r) => ({ status: r.status, count: r._count._all })),
    at,
  }));
  pending = { promise, at: at.getTime() };
  promise.catch(() => (pending = null));
  return promise;
}

const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed"];
const LEVEL_VALUE = { ok: 0, warning: 1, critical: 2 } as const;

function addScrapeGauges() {
  const m = metrics();
  if (m.scrapeGaugesAdded) return;
  m.scrapeGaugesAdded = true;
  const registers = [m.registry];
  collectDefaultMetrics({ register: m.registry, prefix: "tollgate_" });
  new Gauge({
    name: METRIC.jobBacklog,
    help: "Jobs waiting per queue (pg-boss); absent when the queue cannot be reached",
    labelNames: ["queue"],
    registers,
    async collect() {
      this.reset();
      for (const q of (await snapshot()).health.queues)
        if (q.waiting !== null) this.set({ queue: q.queue }, q.waiting);
    },
  });
  new Gauge({
    name: METRIC.emailOutbox,
    help: "Emails in the outbox by status",
    labelNames: ["status"],
    registers,
    async collect() {
      const { outbox } = await snapshot();
      for (const status of OUTBOX_STATUSES)
        this.set({ status }, outbox.find((r) => r.status === status)?.count ?? 0);
    },
  });
  new Gauge({
    name: METRIC.emailsStuck,
    help: "Emails still queued 10 minutes after they were written",
    registers,
    async collect() {
      this.set((await snapshot()).health.email.stuck);
    },
  });
  new Gauge({
    name: METRIC.ledgerCheckAge,
    help: "Seconds since the last ledger check ran (NaN when it never ran)",
    registers,
    async collect() {
      const { health, at } = await snapshot();
      const check = health.ledgerCheck;
      this.set(check ? (at.getTime() - check.createdAt.getTime()) / 1000 : NaN);
    },
  });
  new Gauge({
    name: METRIC.ledgerCheckMismatches,
    help: "Workspaces whose balance differed from the ledger at the last ledger check (NaN when it never ran)",
    registers,
    async collect() {
      this.set((await snapshot()).health.ledgerCheck?.mismatchCount ?? NaN);
    },
  });
  new Gauge({
    name: METRIC.webhookFailing,
    help: "Outgoing webhook deliveries failing: gave up in the last 24 hours, or being retried",
    labelNames: ["state"],
    registers,
    async collect() {
      const { webhooks } = (await snapshot()).health;
      this.set({ state: "failed_24h" }, webhooks.failedLastDay);
      this.set({ state: "retrying" }, webhooks.retrying);
    },
  });
  new Gauge({
    name: METRIC.dbRoundTrip,
    help: "Seconds for one select 1 at scrape time (NaN when the database did not answer)",
    registers,
    async collect() {
      const ms = (await snapshot()).health.dbMs;
      this.set(ms === null ? NaN : ms / 1000);
    },
  });
  new Gauge({
    name: METRIC.health,
    help: "The admin overview's health panel per check: 0 ok, 1 warning, 2 critical",
    labelNames: ["check"],
    registers,
    async collect() {
      const { health, at } = await snapshot();
      for (const item of assessHealth(health, at)) this.set({ check: item.key }, LEVEL_VALUE[item.level]);
    },
  });
}

/** The Prometheus text of every metric, gauges read now. */
export async function scrapeMetrics(): Promise<{ body: string; contentType: string }> {
  addScrapeGauges();
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
