// The health panel's thresholds: each figure of systemHealth() graded ok / warning / critical with a
// sentence saying what it means. Pure, so the thresholds are pinned by tests.
import type { SystemHealth } from "./health";

export type HealthLevel = "ok" | "warning" | "critical";

export type HealthItem = {
  key: "database" | "jobs" | "email-provider" | "stuck-emails" | "ledger-check" | "webhooks";
  label: string;
  level: HealthLevel;
  value: string;
  detail: string;
  /** Where to look closer, and the link's words. */
  href?: string;
  linkLabel?: string;
};

export const HEALTH_THRESHOLDS = {
  /** `select 1` round trip, milliseconds. */
  databaseMs: { warning: 100, critical: 500 },
  /** Jobs waiting in the busiest queue. */
  jobBacklog: { warning: 100, critical: 1000 },
  /** Emails still queued 10 minutes after they were written (with a provider configured). */
  stuckEmails: { warning: 1, critical: 10 },
  /** The ledger check runs nightly; older than this means a run was missed. */
  ledgerCheckAgeHours: { warning: 36 },
  /** Webhook deliveries that gave up in the last 24 hours or are being retried. */
  webhooksFailing: { warning: 1, critical: 10 },
} as const;

const RANK: Record<HealthLevel, number> = { ok: 0, warning: 1, critical: 2 };

/** The worst level among the items (ok when there are none). */
export const worstLevel = (items: { level: HealthLevel }[]): HealthLevel =>
  items.reduce<HealthLevel>((worst, i) => (RANK[i.level] > RANK[worst] ? i.level : worst), "ok");

const grade = (value: number, t: { warning: number; critical?: number }): HealthLevel =>
  t.critical !== undefined && value >= t.critical ? "critical" : value >= t.warning ? "warning" : "ok";

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** Why emails stay "Queued" without a provider; the outbox page says it too. */
export const NO_EMAIL_PROVIDER =
  "No email provider is configured (RESEND_API_KEY is not set), so emails are written to the outbox and stay “Queued”: nothing sends them. Set RESEND_API_KEY to deliver them.";

function emailProvider(e: SystemHealth["email"]): HealthItem {
  const base = {
    key: "email-provider" as const,
    label: "Email provider",
    href: "/admin/outbox",
    linkLabel: "Open the email outbox",
  };
  if (!e.configured) return { ...base, level: "warning", value: "Not configured", detail: NO_EMAIL_PROVIDER };
  if (e.failedLastDay > 0 && e.sentLastDay === 0)
    return {
      ...base,
      level: "critical",
      value: "Not delivering",
      detail: `${count(e.failedLastDay, "email")} failed and none were sent in the last 24 hours.`,
      href: "/admin/outbox?status=failed",
    };
  if (e.failedLastDay > 0)
    return {
      ...base,
      level: "warning",
      value: "Some failures",
      detail: `${count(e.sentLastDay, "email")} sent, ${count(e.failedLastDay, "email")} failed in the last 24 hours.`,
      href: "/admin/outbox?status=failed",
    };
  return {
    ...base,
    level: "ok",
    value: "Delivering",
    detail: `Resend is configured; ${count(e.sentLastDay, "email")} sent in the last 24 hours.`,
  };
}

function stuckEmails(e: SystemHealth["email"]): HealthItem {
  const base = {
    key: "stuck-emails" as const,
    label: "Emails queued over 10 minutes",
    value: e.stuck.toLocaleString("en-US"),
    href: "/admin/outbox?status=queued",
    linkLabel: "Queued emails in the outbox",
  };
  if (!e.configured)
    return {
      ...base,
      level: e.stuck > 0 ? "warning" : "ok",
      detail: "Expected while no email provider is configured: they wait in the outbox.",
    };
  const level = grade(e.stuck, HEALTH_THRESHOLDS.stuckEmails);
  return {
    ...base,
    level,
    detail:
      level === "ok"
        ? "Every email left the outbox within 10 minutes."
        : "The first attempt happens at once and retries follow within minutes: delivery is stuck.",
  };
}

function ledgerCheck(check: SystemHealth["ledgerCheck"], now: Date): HealthItem {
  const base = { key: "ledger-check" as const, label: "Last ledger check" };
  if (!check)
    return {
      ...base,
      level: "warning",
      value: "Not run yet",
      detail: "It runs every night at 02:00 UTC; run it now to compare every balance with its ledger.",
    };
  const ageHours = (now.getTime() - check.createdAt.getTime()) / 3_600_000;
  const checked = `${count(check.workspacesChecked, "workspace")} checked`;
  if (check.mismatchCount > 0)
    return {
      ...base,
      level: "critical",
      value: `${count(check.mismatchCount, "mismatch", "mismatches")}`,
      detail: `${checked}; ${count(check.mismatchCount, "balance")} differ from the ledger.`,
    };
  if (ageHours > HEALTH_THRESHOLDS.ledgerCheckAgeHours.warning)
    return {
      ...base,
      level: "warning",
      value: "Overdue",
      detail: `The last check was ${Math.floor(ageHours / 24)} days ago (${checked}); a nightly run was missed.`,
    };
  return { ...base, level: "ok", value: "All balances match", detail: `${checked}.` };
}

/** The health panel: every figure graded, in the order the panel shows them. */
export function assessHealth(h: SystemHealth, now = new Date()): HealthItem[] {
  const waiting = h.queues.map((q) => q.waiting);
  const reachable = waiting.every((w) => w !== null);
  const busiest = h.queues.reduce(
    (top, q) => ((q.waiting ?? 0) > (top?.waiting ?? 0) ? q : top),
    h.queues[0],
  );
  const totalWaiting = waiting.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  const failingWebhooks = h.webhooks.failedLastDay + h.webhooks.retrying;
  return [
    {
      key: "database",
      label: "Database round trip",
      ...(h.dbMs === null
        ? {
            level: "critical" as const,
            value: "Unavailable",
            detail: "The database did not answer within 3 seconds.",
          }
        : {
            level: grade(h.dbMs, HEALTH_THRESHOLDS.databaseMs),
            value: `${h.dbMs} ms`,
            detail: `Warning from ${HEALTH_THRESHOLDS.databaseMs.warning} ms, critical from ${HEALTH_THRESHOLDS.databaseMs.critical} ms.`,
          }),
    },
    {
      key: "jobs",
      label: "Job backlog",
      href: "/admin/analytics",
      linkLabel: "Backlog per queue in Analytics",
      ...(!reachable
        ? {
            level: "critical" as const,
            value: "Unavailable",
            detail: "The job queue (pg-boss) could not be reached.",
          }
        : {
            level: grade(busiest?.waiting ?? 0, HEALTH_THRESHOLDS.jobBacklog),
            value: count(totalWaiting, "job"),
            detail:
              totalWaiting === 0
                ? "No jobs waiting."
                : `Busiest queue: ${busiest.queue} (${count(busiest.waiting ?? 0, "job")} waiting).`,
          }),
    },
    emailProvider(h.email),
    stuckEmails(h.email),
    ledgerCheck(h.ledgerCheck, now),
    {
      key: "webhooks",
      label: "Webhook deliveries failing",
      value: failingWebhooks.toLocaleString("en-US"),
      level: grade(failingWebhooks, HEALTH_THRESHOLDS.webhooksFailing),
      detail:
        failingWebhooks === 0
          ? "Every outgoing webhook was delivered."
          : `${count(h.webhooks.failedLastDay, "delivery", "deliveries")} gave up in the last 24 hours; ${h.webhooks.retrying.toLocaleString("en-US")} being retried.`,
    },
  ];
}
