import { describe, expect, it } from "vitest";
import type { LedgerCheck } from "@/lib/db";
import type { SystemHealth } from "./health";
import { assessHealth, NO_EMAIL_PROVIDER, worstLevel } from "./health-levels";

const now = new Date("2030-05-10T12:00:00Z");
const check = (over: Partial<LedgerCheck> = {}): LedgerCheck => ({
  id: "lc1",
  day: "2030-05-10",
  workspacesChecked: 120,
  mismatchCount: 0,
  mismatches: [],
  createdAt: new Date("2030-05-10T02:00:00Z"),
  ...over,
});
const healthy: SystemHealth = {
  dbMs: 3.2,
  queues: [
    { queue: "email-deliver", waiting: 2 },
    { queue: "webhook-deliver", waiting: 0 },
  ],
  ledgerCheck: check(),
  email: { configured: true, failed: 0, stuck: 0, sentLastDay: 40, failedLastDay: 0 },
  webhooks: { failedLastDay: 0, retrying: 0 },
};
const levels = (h: SystemHealth) => Object.fromEntries(assessHealth(h, now).map((i) => [i.key, i.level]));
const item = (h: SystemHealth, key: string) => assessHealth(h, now).find((i) => i.key === key)!;

describe("the health panel's thresholds", () => {
  it("grades a healthy system ok everywhere", () => {
    expect(levels(healthy)).toEqual({
      database: "ok",
      jobs: "ok",
      "email-provider": "ok",
      "stuck-emails": "ok",
      "ledger-check": "ok",
      webhooks: "ok",
    });
    expect(worstLevel(assessHealth(healthy, now))).toBe("ok");
    expect(item(healthy, "jobs")).toMatchObject({
      value: "2 jobs",
      detail: expect.stringContaining("email-deliver"),
    });
  });

  it("grades the database round trip: warning from 100 ms, critical from 500 ms or no answer", () => {
    expect(levels({ ...healthy, dbMs: 99.9 }).database).toBe("ok");
    expect(levels({ ...healthy, dbMs: 100 }).database).toBe("warning");
    expect(levels({ ...healthy, dbMs: 500 }).database).toBe("critical");
    expect(item({ ...healthy, dbMs: null }, "database")).toMatchObject({
      level: "critical",
      value: "Unavailable",
    });
  });

  it("grades the job backlog by its busiest queue, and an unreachable queue as critical", () => {
    const queues = (waiting: (number | null)[]) =>
      waiting.map((w, i) => ({
        queue: i ? ("webhook-deliver" as const) : ("email-deliver" as const),
        waiting: w,
      }));
    expect(levels({ ...healthy, queues: queues([99, 99]) }).jobs).toBe("ok");
    expect(levels({ ...healthy, queues: queues([100, 0]) }).jobs).toBe("warning");
    expect(levels({ ...healthy, queues: queues([0, 1000]) }).jobs).toBe("critical");
    expect(item({ ...healthy, queues: queues([null, null]) }, "jobs")).toMatchObject({
      level: "critical",
      value: "Unavailable",
    });
  });

  it("says why emails stay queued when no provider is configured", () => {
    const h = { ...healthy, email: { ...healthy.email, configured: false, stuck: 90, sentLastDay: 0 } };
    expect(item(h, "email-provider")).toMatchObject({
      level: "warning",
      value: "Not configured",
      detail: NO_EMAIL_PROVIDER,
    });
    expect(NO_EMAIL_PROVIDER).toContain("RESEND_API_KEY");
    expect(item(h, "stuck-emails")).toMatchObject({
      level: "warning",
      value: "90",
      detail: expect.stringContaining("no email provider"),
    });
  });

  it("grades delivery with a provider: failures are a warning, nothing sent is critical; stuck from 1 and 10", () => {
    const email = (over: Partial<SystemHealth["email"]>) => ({
      ...healthy,
      email: { ...healthy.email, ...over },
    });
    expect(levels(email({ failedLastDay: 3 }))["email-provider"]).toBe("warning");
    expect(levels(email({ failedLastDay: 3, sentLastDay: 0 }))["email-provider"]).toBe("critical");
    expect(levels(email({ stuck: 1 }))["stuck-emails"]).toBe("warning");
    expect(levels(email({ stuck: 10 }))["stuck-emails"]).toBe("critical");
  });

  it("grades the ledger check: not run and overdue are warnings, a mismatch is critical", () => {
    expect(item({ ...healthy, ledgerCheck: null }, "ledger-check")).toMatchObject({
      level: "warning",
      value: "Not run yet",
    });
    const old = check({ createdAt: new Date("2030-05-08T23:00:00Z") }); // 37 hours before
    expect(item({ ...healthy, ledgerCheck: old }, "ledger-check")).toMatchObject({
      level: "warning",
      value: "Overdue",
    });
    const bad = check({ mismatchCount: 2 });
    expect(item({ ...healthy, ledgerCheck: bad }, "ledger-check")).toMatchObject({
      level: "critical",
      value: "2 mismatches",
    });
    expect(item(healthy, "ledger-check")).toMatchObject({
      value: "All balances match",
      detail: "120 workspaces checked.",
    });
  });

  it("grades failing webhook deliveries: warning from 1, critical from 10", () => {
    expect(levels({ ...healthy, webhooks: { failedLastDay: 0, retrying: 1 } }).webhooks).toBe("warning");
    expect(levels({ ...healthy, webhooks: { failedLastDay: 6, retrying: 4 } }).webhooks).toBe("critical");
    expect(worstLevel(assessHealth({ ...healthy, webhooks: { failedLastDay: 6, retrying: 4 } }, now))).toBe(
      "critical",
    );
  });
});
