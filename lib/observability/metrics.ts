import { Counter, Histogram, Registry } from "prom-client";

// The process's Prometheus metrics (prom-client). What the hot path touches is here: counters and a
// histogram, incremented in memory (no I/O). Gauges that need the database (job backlog, outbox,
// ledger check, webhooks) are added by lib/observability/scrape.ts and computed only when
// /api/metrics is scraped. Names are part of the contract with ops/grafana/tollgate.json.

export const METRIC = {
  apiRequests: "tollgate_api_requests_total",
  apiDuration: "tollgate_api_request_duration_seconds",
  charges: "tollgate_charges_total",
  jobBacklog: "tollgate_job_backlog",
  emailOutbox: "tollgate_email_outbox",
  emailsStuck: "tollgate_emails_queued_over_10_minutes",
  ledgerCheckAge: "tollgate_ledger_check_age_seconds",
  ledgerCheckMismatches: "tollgate_ledger_check_mismatches",
  webhookFailing: "tollgate_webhook_deliveries_failing",
  dbRoundTrip: "tollgate_database_round_trip_seconds",
  health: "tollgate_health_status",
} as const;

type Metrics = {
  registry: Registry;
  apiRequests: Counter<"route" | "method" | "status" | "code">;
  apiDuration: Histogram<"route" | "method">;
  charges: Counter<"outcome">;
  scrapeGaugesAdded: boolean;
};

function create(): Metrics {
  const registry = new Registry();
  return {
    registry,
    apiRequests: new Counter({
      name: METRIC.apiRequests,
      help: "v1 API requests by route template, method, HTTP status and outcome code (ok or the error code)",
      labelNames: ["route", "method", "status", "code"],
      registers: [registry],
    }),
    apiDuration: new Histogram({
      name: METRIC.apiDuration,
      help: "v1 API request latency in seconds, by route template and method",
      labelNames: ["route", "method"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    charges: new Counter({
      name: METRIC.charges,
      help: "Metered calls by outcome: charged, replayed, or the refusal code (insufficient_credits, quota_exceeded, ...)",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    scrapeGaugesAdded: false,
  };
}

// One registry per process, whichever route bundle loaded this module first.
const globalForMetrics = globalThis as unknown as { tollgateMetrics?: Metrics };
export const metrics = (): Metrics => (globalForMetrics.tollgateMetrics ??= create());

/** One answered v1 API request. `route` is the route template (/api/v1/reservations/[id]/commit). */
export function observeApiRequest(r: {
  route: string;
  method: string;
  status: number;
  code: string;
  seconds: number;
}) {
  const m = metrics();
  m.apiRequests.inc({ route: r.route, method: r.method, status: String(r.status), code: r.code });
  m.apiDuration.observe({ route: r.route, method: r.method }, r.seconds);
}

/** One metered call's outcome: "charged", "replayed" or the refusal's error code. */
export function countCharge(outcome: string) {
  metrics().charges.inc({ outcome });
}
