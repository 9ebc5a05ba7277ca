import "server-only";
import { log } from "@/lib/observability/logger";
import { z } from "zod";
import { reportPdf } from "@/lib/analytics/report-pdf";
import { reportFigures, reportSummary } from "@/lib/analytics/report-summary";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db, type ReportFrequency, type ReportSchedule } from "@/lib/db";
import { emailBrand } from "@/lib/email/brand";
import { deliverQueued, queueEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { capitalize } from "@/lib/utils/format";
import { reportPeriod, type ReportPeriod } from "./periods";

// Scheduled report emails. The hourly job sends each enabled schedule the report of its last
// completed period (yesterday, last ISO week, last month), once: a ReportRun row keyed
// "<schedule>:<period>" is inserted in the transaction that queues the emails, so a retry or a
// second worker finds it and sends nothing. "Run now" sends the current period so far, keyed by
// the form's request key (a double click sends once).

const MAX_RECIPIENTS = 20;

export const scheduleFormSchema = z.object({
  frequency: z.enum(["daily", "weekly", "monthly"], { message: "Choose how often." }),
  recipients: z
    .string()
    .transform((text) => [
      ...new Set(
        text
          .split(/[\s,;]+/)
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .superRefine((list, ctx) => {
      if (!list.length) ctx.addIssue({ code: "custom", message: "Enter at least one email address." });
      if (list.length > MAX_RECIPIENTS)
        ctx.addIssue({ code: "custom", message: `Enter at most ${MAX_RECIPIENTS} addresses.` });
      const bad = list.filter((e) => !z.email().safeParse(e).success);
      if (bad.length)
        ctx.addIssue({ code: "custom", message: `Not an email address: ${bad.slice(0, 3).join(", ")}.` });
    }),
});

export function listSchedules() {
  return db.reportSchedule.findMany({
    orderBy: { createdAt: "asc" },
    include: { runs: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
}

export async function createSchedule(actor: Actor, input: z.infer<typeof scheduleFormSchema>) {
  return db.$transaction(async (tx) => {
    const schedule = await tx.reportSchedule.create({
      data: { frequency: input.frequency, recipients: input.recipients, createdById: actor?.id },
    });
    await recordAudit(tx, {
      actor,
      action: "report_schedule.create",
      targetType: "report_schedule",
      targetId: schedule.id,
      after: { frequency: input.frequency, recipients: input.recipients },
    });
    return schedule;
  });
}

export async function deleteSchedule(actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const schedule = await tx.reportSchedule.findUnique({ where: { id } });
    if (!schedule) throw new NotFoundError("Report schedule");
    await tx.reportSchedule.delete({ where: { id } });
    await recordAudit(tx, {
      actor,
      action: "report_schedule.delete",
      targetType: "report_schedule",
      targetId: id,
      before: { frequency: schedule.frequency, recipients: schedule.recipients },
    });
    return schedule;
  });
}

/** The PDF's file name for a period, e.g. report-weekly-2026-W48.pdf. */
export const reportFilename = (frequency: ReportFrequency, period: ReportPeriod) =>
  `report-${frequency}-${period.key}.pdf`;

/**
 * Sends one schedule's report for one period to each recipient, once per `runKey`. Returns whether
 * this call sent it (false: that run exists already).
 */
async function sendReport(schedule: ReportSchedule, period: ReportPeriod, runKey: string, manual: boolean) {
  if (await db.reportRun.findUnique({ where: { key: runKey } })) return false;
  // Rendered before the transaction: no lock is held while the PDF is drawn.
  const [summary, brand] = await Promise.all([reportSummary(period.range), emailBrand()]);
  const filename = reportFilename(schedule.frequency, period);
  const pdf = await reportPdf(summary, brand.companyName, period.label);
  const keys = await db.$transaction(async (tx) => {
    const inserted = await tx.reportRun.createMany({
      data: [{ scheduleId: schedule.id, key: runKey, period: period.key, manual }],
      skipDuplicates: true,
    });
    if (!inserted.count) return [];
    return Promise.all(
      schedule.recipients.map((to) =>
        queueEmail(
          {
            template: "analytics-report",
            to,
            idempotencyKey: `report:${runKey}:${to}`,
            props: {
              frequency: capitalize(schedule.frequency),
              period: period.label,
              figures: reportFigures(summary).map(({ label, value }) => ({ label, value })),
              filename,
              reportUrl: `${env.APP_URL}/admin/reports?from=${period.fromDay}&to=${period.toDay}`,
            },
            attachments: [{ filename, contentType: "application/pdf", content: pdf }],
          },
          tx,
        ),
      ),
    );
  });
  for (const key of keys)
    await deliverQueued(key).catch((e: unknown) => log.error({ err: e }, "email delivery failed"));
  return keys.length > 0;
}

/** The job: every enabled schedule's last completed period, if it ended after the schedule was made. */
export async function sendDueReports(now = new Date()) {
  const schedules = await db.reportSchedule.findMany({ where: { enabled: true } });
  let sent = 0;
  for (const s of schedules) {
    const period = reportPeriod(s.frequency, now, "previous");
    if (period.range.to <= s.createdAt) continue;
    if (await sendReport(s, period, `${s.id}:${period.key}`, false)) sent++;
  }
  return { sent };
}

/** "Run now": the current period so far, sent at once; audited. */
export async function runReportNow(actor: Actor, scheduleId: string, requestKey: string, now = new Date()) {
  const schedule = await db.reportSchedule.findUnique({ where: { id: scheduleId } });
  if (!schedule) throw new NotFoundError("Report schedule");
  const period = reportPeriod(schedule.frequency, now, "current");
  const sent = await sendReport(schedule, period, `${schedule.id}:now:${requestKey}`, true);
  if (sent)
    await recordAudit(db, {
      actor,
      action: "report.run_now",
      targetType: "report_schedule",
      targetId: schedule.id,
      after: { period: period.key, recipients: schedule.recipients },
    });
  return { sent, period, recipients: schedule.recipients };
}
