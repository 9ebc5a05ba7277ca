import "server-only";
import { isBalanceLow, lastTopUp as findLastTopUp, lowBalanceThreshold } from "@/lib/billing/low-balance";
import { planOf } from "@/lib/billing/plan";
import { creditsSpentLastWeek, runwayDays, runwayLabel } from "@/lib/billing/runway";
import { creditsLabel } from "@/lib/catalog/money";
import { db, type Prisma, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { deliverQueued, queueEmailTo } from "@/lib/email/send";
import type { TemplateName, TemplateProps } from "@/lib/email/templates";
import { quotaPercent } from "@/lib/metering/reports";
import { utcDay } from "@/lib/metering/time";
import { dispatchAfterCommit } from "@/lib/webhooks/deliver";
import { ALERT_EVENT_TYPES, emitWebhookEvent } from "@/lib/webhooks/events";
import { formatDate } from "@/lib/utils/format";
import { unsubscribeUrl, type EmailCategory } from "./preferences";
import { log } from "@/lib/observability/logger";

// Alerts fire once per threshold per period: the Alert row's unique (workspace, kind, period) is
// the idempotency key, written in the same transaction as the emails it sends. Running a check
// twice, or on two workers at once, fires each alert at most once.

export type AlertKind = "quota_80" | "quota_100" | "low_credits" | "weekly_summary";

/** Who hears about a workspace's usage and money: its owners, admins and billing members. */
export async function alertRecipients(executor: Tx | typeof db, workspaceId: string) {
  const members = await executor.membership.findMany({
    where: { workspaceId, role: { in: ["owner", "admin", "billing"] } },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return members.map((m) => m.user);
}

/**
 * Records the alert and queues one email per recipient, unless it already fired for this period.
 * Returns the outbox keys to deliver after commit (empty when it had fired before). The alert's
 * webhook event (quota.warning, quota.exceeded, credits.low) is emitted here, so it fires exactly
 * when the alert does: once per threshold and period.
 */
export async function fireAlert<T extends TemplateName>(
  tx: Tx,
  alert: { workspaceId: string; kind: AlertKind; periodKey: string; data?: Prisma.InputJsonValue },
  email: {
    template: T;
    /** The preference it belongs to: skipped for who turned it off, and its unsubscribe link. */
    category: EmailCategory;
    /** What every recipient reads; the greeting and the unsubscribe link are each their own. */
    props: Omit<TemplateProps<T>, "name" | "unsubscribeUrl">;
  },
) {
  const created = await tx.alert.createMany({ data: [alert], skipDuplicates: true });
  if (!created.count) return [];
  const type = ALERT_EVENT_TYPES[alert.kind];
  if (type)
    await emitWebhookEvent(tx, {
      workspaceId: alert.workspaceId,
      type,
      data: { periodKey: alert.periodKey, ...(alert.data as Record<string, unknown> | undefined) },
    });
  const keys: string[] = [];
  for (const to of await alertRecipients(tx, alert.workspaceId)) {
    const props = { ...email.props, unsubscribeUrl: unsubscribeUrl(to.id, email.category) };
    const key = await queueEmailTo(
      to,
      {
        template: email.template,
        // One email per alert and recipient.
        idempotencyKey: `${alert.kind}:${alert.workspaceId}:${alert.periodKey}:${to.id}`,
        category: { name: email.category, userId: to.id },
        props: props as Omit<TemplateProps<T>, "name">,
      },
      tx,
    );
    if (key) keys.push(key);
  }
  return keys;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/**
 * Quota at 80% and 100% of today's limit (subscription workspaces), and low credits (isBalanceLow,
 * once until the next top-up). Reads current state, so it is safe to run any
 * number of times.
 */
export async function checkWorkspaceAlerts(workspaceId: string, now = new Date()) {
  const keys = await db.$transaction(async (tx) => {
    const workspace = await tx.workspace.findUnique({
      where: { id: workspaceId },
      select: {
        id: true,
        name: true,
        accountType: true,
        overageEnabled: true,
        balanceMillicredits: true,
      },
    });
    if (!workspace) return [];
    const out: string[] = [];
    const { dailyQuotaUnits } = await planOf(workspaceId, tx);
    const limit = workspace.accountType === "subscription" ? dailyQuotaUnits : 0;
    if (limit > 0) {
      const day = utcDay(now);
      const used =
        (await tx.quotaCounter.findUnique({ where: { workspaceId_day: { workspaceId, day } } }))?.used ?? 0;
      const fmt = (n: number) => n.toLocaleString("en-US");
      // Exhausted when the counter is full, or when a call was refused for quota today although the
      // last call that fit left some units (the refused one needed more than was left).
      const exhausted =
        used >= limit ||
        (await tx.refusalCount.count({ where: { workspaceId, day, code: "quota_exceeded" } })) > 0;
      // Once per UTC day and quota: a plan change during the day brings a new quota, and its alerts.
      const quotaPeriod = `${isoDay(day)}:${limit}`;
      if (used >= limit * 0.8) {
        out.push(
          ...(await fireAlert(
            tx,
            { workspaceId, kind: "quota_80", periodKey: quotaPeriod, data: { used, limit } },
            {
              template: "quota-warning",
              category: "quota_alerts",
              props: {
                workspace: workspace.name,
                used: fmt(used),
                limit: fmt(limit),
                left: fmt(Math.max(0, limit - used)),
                percent: Math.min(100, quotaPercent({ used, limit })),
                resetsAt: "00:00 UTC",
                usageUrl: `${env.APP_URL}/dashboard/usage`,
              },
            },
          )),
        );
      }
      if (exhausted) {
        out.push(
          ...(await fireAlert(
            tx,
            { workspaceId, kind: "quota_100", periodKey: quotaPeriod, data: { used, limit } },
            {
              template: "quota-exceeded",
              category: "quota_alerts",
              props: {
                workspace: workspace.name,
                limit: fmt(limit),
                resetsAt: "00:00 UTC",
                overageEnabled: workspace.overageEnabled,
                billingUrl: `${env.APP_URL}/dashboard/billing`,
              },
            },
          )),
        );
      }
    }
    const lastTopUp = await findLastTopUp(workspaceId, tx);
    if (lastTopUp && isBalanceLow({ ...workspace, lastTopUp })) {
      const threshold = lowBalanceThreshold(lastTopUp);
      const runway = runwayDays(workspace.balanceMillicredits, await creditsSpentLastWeek(workspaceId, now));
      out.push(
        ...(await fireAlert(
          tx,
          {
            workspaceId,
            kind: "low_credits",
            periodKey: lastTopUp.id,
            data: { balance: workspace.balanceMillicredits.toString(), threshold: threshold.toString() },
          },
          {
            template: "low-credits",
            category: "low_credits",
            props: {
              workspace: workspace.name,
              balance: creditsLabel(workspace.balanceMillicredits),
              threshold: creditsLabel(threshold),
              runway: runway === null ? null : runwayLabel(runway),
              creditsUrl: `${env.APP_URL}/dashboard/credits`,
            },
          },
        )),
      );
    }
    return out;
  });
  await deliverAll(keys);
  await dispatchAfterCommit();
  return keys;
}

export async function deliverAll(keys: (string | null)[]) {
  await Promise.all(
    keys.map((key) =>
      deliverQueued(key).catch((e: unknown) => log.error({ err: e }, "email delivery failed")),
    ),
  );
}

/** Monday 00:00 UTC of the week before `now`'s week, and the Monday after it. */
export function previousWeek(now: Date) {
  const today = utcDay(now);
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  const end = new Date(today.getTime() - sinceMonday * 864e5);
  return { start: new Date(end.getTime() - 7 * 864e5), end };
}

/** Last week's calls, credits and top models for every workspace that made calls, once per week. */
export async function sendWeeklySummaries(now = new Date()) {
  const { start, end } = previousWeek(now);
  const weekKey = isoDay(start);
  const totals = await db.usageEvent.groupBy({
    by: ["workspaceId"],
    where: { createdAt: { gte: start, lt: end } },
    _count: { _all: true },
    _sum: { chargedMillicredits: true },
  });
  let sent = 0;
  for (const total of totals) {
    const workspaceId = total.workspaceId;
    const top = await db.usageEvent.groupBy({
      by: ["modelKey"],
      where: { workspaceId, createdAt: { gte: start, lt: end } },
      _count: { _all: true },
      _sum: { chargedMillicredits: true },
      orderBy: { _count: { modelKey: "desc" } },
      take: 3,
    });
    const keys = await db.$transaction(async (tx) => {
      const workspace = await tx.workspace.findUniqueOrThrow({
        where: { id: workspaceId },
        select: { name: true, balanceMillicredits: true },
      });
      return fireAlert(
        tx,
        { workspaceId, kind: "weekly_summary", periodKey: weekKey },
        {
          template: "weekly-usage-summary",
          category: "usage_summary",
          props: {
            workspace: workspace.name,
            weekOf: `${formatDate(start)} – ${formatDate(new Date(end.getTime() - 864e5))}`,
            calls: total._count._all.toLocaleString("en-US"),
            creditsSpent: creditsLabel(total._sum.chargedMillicredits ?? 0n),
            balance: creditsLabel(workspace.balanceMillicredits),
            topModels: top.map((m) => ({
              model: m.modelKey,
              calls: m._count._all.toLocaleString("en-US"),
              credits: creditsLabel(m._sum.chargedMillicredits ?? 0n),
            })),
            usageUrl: `${env.APP_URL}/dashboard/usage`,
          },
        },
      );
    });
    sent += keys.length;
    await deliverAll(keys);
  }
  return { workspaces: totals.length, emails: sent };
}
