import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { POST as holdRoute } from "@/app/api/v1/reservations/route";
import { POST as commitRoute } from "@/app/api/v1/reservations/[id]/commit/route";
import { POST as usageRoute } from "@/app/api/v1/usage/route";
import { env } from "@/lib/env";
import { createAdminApiKey } from "@/lib/metering/api-keys";
import { apiWorkspace, usageRequest } from "@/test/metering";

const STANDARD = "poster-editor:inpaint-standard";
const TOKEN = "metrics-token-for-tests-0123456789";

const scrape = (authorization?: string) =>
  metricsRoute(
    new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }),
  );

async function scrapeText() {
  const res = await scrape(`Bearer ${TOKEN}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
}

/** The value of one sample (`name{labels}`), 0 when the series does not exist yet. */
function sample(text: string, name: string, labels: Record<string, string>) {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    const m = /^([a-z_:]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2].split(",");
    if (want.every((w) => have.includes(w))) return Number(m[3]);
  }
  return 0;
}

afterEach(() => {
  env.METRICS_TOKEN = undefined;
});

describe("GET /api/metrics", () => {
  it("is 401 JSON without a token, with a wrong one, or with a workspace API key", async () => {
    env.METRICS_TOKEN = TOKEN;
    const { key } = await apiWorkspace();
    for (const auth of [undefined, "Bearer wrong-token", `Bearer ${key}`, TOKEN]) {
      const res = await scrape(auth);
      expect(res.status, String(auth)).toBe(401);
      expect((await res.json()).error.code).toBe("invalid_api_key");
    }
  });

  it("serves Prometheus text to METRICS_TOKEN or an admin API key, counting real API calls by outcome", async () => {
    env.METRICS_TOKEN = TOKEN;
    const before = await scrapeText();
    const { key } = await apiWorkspace({ balance: 30_000n });
    // 12,000 millicredits a call: two are charged, the third is refused for credits.
    const calls = [];
    for (let i = 0; i < 3; i++) calls.push(await usageRoute(usageRequest(key, { model: STANDARD })));
    expect(calls.map((r) => r.status)).toEqual([200, 200, 402]);
    expect(calls[0].headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const given = await usageRoute(usageRequest(null, { model: STANDARD }, { "X-Request-Id": "trace-42" }));
    expect([given.status, given.headers.get("x-request-id")]).toEqual([401, "trace-42"]);
    // A reservation's commit is counted under its route template, not its id.
    const hold = await holdRoute(
      new Request("http://localhost/api/v1/reservations", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ model: STANDARD }),
      }),
    );
    expect(hold.status).toBe(402);

    const after = await scrapeText();
    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    const usage = { route: "/api/v1/usage", method: "POST" };
    expect(delta("tollgate_api_requests_total", { ...usage, status: "200", code: "ok" })).toBe(2);
    expect(
      delta("tollgate_api_requests_total", { ...usage, status: "402", code: "insufficient_credits" }),
    ).toBe(1);
    expect(delta("tollgate_api_requests_total", { ...usage, status: "401", code: "invalid_api_key" })).toBe(
      1,
    );
    expect(delta("tollgate_api_request_duration_seconds_count", usage)).toBe(4);
    expect(delta("tollgate_charges_total", { outcome: "charged" })).toBe(2);
    expect(delta("tollgate_charges_total", { outcome: "insufficient_credits" })).toBe(2);
    for (const gauge of [
      "tollgate_job_backlog",
      "tollgate_email_outbox",
      "tollgate_webhook_deliveries_failing",
      "tollgate_health_status",
    ])
      expect(after).toMatch(new RegExp(`^${gauge}\\{`, "m"));
    expect(after).toMatch(/^tollgate_ledger_check_age_seconds /m);

    env.METRICS_TOKEN = undefined;
    const { key: adminKey } = await createAdminApiKey(null, "prometheus");
    expect((await scrape(`Bearer ${adminKey}`)).status).toBe(200);
  });

  it("labels routes with path ids by their template", async () => {
    env.METRICS_TOKEN = TOKEN;
    const { key } = await apiWorkspace({ balance: 100_000n });
    const post = (url: string, body: unknown) =>
      new Request(url, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const hold = await holdRoute(post("http://localhost/api/v1/reservations", { model: STANDARD }));
    const { id } = await hold.json();
    const commit = await commitRoute(
      post(`http://localhost/api/v1/reservations/${id}/commit`, { quantity: 1 }),
      {
        params: Promise.resolve({ id }),
      },
    );
    expect(commit.status).toBe(200);
    const text = await scrapeText();
    expect(
      sample(text, "tollgate_api_requests_total", { route: "/api/v1/reservations/[id]/commit", code: "ok" }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(id);
  });
});

describe("the Grafana dashboard (ops/grafana/tollgate.json)", () => {
  it("queries only metric names a real scrape serves", async () => {
    env.METRICS_TOKEN = TOKEN;
    // Traffic first, so the counters and the histogram have samples.
    const { key } = await apiWorkspace({ balance: 100_000n });
    await usageRoute(usageRequest(key, { model: STANDARD }));
    const served = new Set(
      (await scrapeText())
        .split("\n")
        .filter((l) => l && !l.startsWith("#"))
        .map((l) => /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(l)![0]),
    );
    const dashboard = JSON.parse(readFileSync("ops/grafana/tollgate.json", "utf8")) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const queried = new Set(
      dashboard.panels.flatMap((p) => p.targets.flatMap((t) => t.expr.match(/\btollgate_[a-z0-9_]+/g) ?? [])),
    );
    expect(queried.size).toBeGreaterThan(10);
    expect([...queried].filter((name) => !served.has(name))).toEqual([]);
  });
});
