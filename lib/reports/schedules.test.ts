import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { outboxAttachments } from "@/lib/email/send";
import { handlers } from "@/lib/jobs/handlers";
import { uniqueEmail } from "@/test/factories";
import { pdfText } from "@/test/pdf";
import { reportPeriod } from "./periods";
import { createSchedule, runReportNow, scheduleFormSchema, sendDueReports } from "./schedules";

const DAY = 864e5;
const job = {} as Parameters<(typeof handlers)["report-emails"]>[0];

async function weeklySchedule(createdAt: Date) {
  const to = uniqueEmail("finance");
  const s = await createSchedule(null, { frequency: "weekly", recipients: [to] });
  await db.reportSchedule.update({ where: { id: s.id }, data: { createdAt } });
  return { ...s, to };
}

describe("report periods", () => {
  it("previous and current periods in UTC, keyed per period", () => {
    const now = new Date("2026-12-03T06:30:00Z"); // a Thursday
    expect(reportPeriod("daily", now, "previous")).toMatchObject({ key: "2026-12-02", toDay: "2026-12-02" });
    expect(reportPeriod("weekly", now, "previous")).toMatchObject({
      key: "2026-W48",
      fromDay: "2026-11-23",
      toDay: "2026-11-29",
    });
    expect(reportPeriod("weekly", now, "current")).toMatchObject({ key: "2026-W49", fromDay: "2026-11-30" });
    expect(reportPeriod("monthly", now, "previous")).toMatchObject({ key: "2026-11", toDay: "2026-11-30" });
    expect(reportPeriod("monthly", new Date("2027-01-01T00:00:00Z"), "previous").key).toBe("2026-12");
  });

  it("recipients must be email addresses", () => {
    expect(scheduleFormSchema.safeParse({ frequency: "weekly", recipients: "a@x.test, nope" }).success).toBe(
      false,
    );
    expect(
      scheduleFormSchema.parse({ frequency: "daily", recipients: "A@x.test\nb@x.test, a@x.test" }),
    ).toEqual({
      frequency: "daily",
      recipients: ["a@x.test", "b@x.test"],
    });
  });
});

describe("scheduled report emails", () => {
  it("the job run twice (and on two workers at once) sends each period's report once, with the PDF", async () => {
    const s = await weeklySchedule(new Date(Date.now() - 30 * DAY));
    await handlers["report-emails"](job);
    await Promise.all([sendDueReports(), sendDueReports()]);
    const emails = await db.emailOutbox.findMany({ where: { to: s.to } });
    expect(emails).toHaveLength(1);
    const [pdf] = outboxAttachments(emails[0].attachments);
    const period = reportPeriod("weekly", new Date(), "previous");
    expect(pdf.filename).toBe(`report-weekly-${period.key}.pdf`);
    const bytes = Buffer.from(pdf.content, "base64").toString("latin1");
    expect(bytes.startsWith("%PDF")).toBe(true);
    expect(pdfText(bytes)).toContain("Credits consumed");
    expect(pdfText(bytes)).toContain(`Period: ${period.label.split(" – ")[0]}`);
    expect(await db.reportRun.count({ where: { scheduleId: s.id } })).toBe(1);
  });

  it("a schedule made after the period ended waits for the next one", async () => {
    const s = await weeklySchedule(new Date());
    await sendDueReports();
    expect(await db.emailOutbox.count({ where: { to: s.to } })).toBe(0);
  });

  it("Run now sends the current period at once, once per request, and is audited", async () => {
    const s = await weeklySchedule(new Date());
    const first = await runReportNow(null, s.id, "request-1");
    const again = await runReportNow(null, s.id, "request-1");
    expect([first.sent, again.sent]).toEqual([true, false]);
    const email = await db.emailOutbox.findFirstOrThrow({ where: { to: s.to } });
    expect(email.subject).toMatch(/weekly report/);
    expect(outboxAttachments(email.attachments)[0].filename).toBe(`report-weekly-${first.period.key}.pdf`);
    expect(await db.auditLog.count({ where: { action: "report.run_now", targetId: s.id } })).toBe(1);
  });
});
