"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { createSchedule, deleteSchedule, runReportNow, scheduleFormSchema } from "@/lib/reports/schedules";

const byId = z.object({ id: z.string().trim().min(1).max(64) });

export const createScheduleAction = adminAction(
  scheduleFormSchema,
  async (input, { admin }) => {
    await createSchedule({ id: admin.id, email: admin.email }, input);
    revalidatePath("/admin/reports");
    return { ok: true, message: `A ${input.frequency} report will go to ${input.recipients.join(", ")}.` };
  },
  { permission: "reports" },
);

export const deleteScheduleAction = adminAction(
  byId,
  async ({ id }, { admin }) => {
    const s = await deleteSchedule({ id: admin.id, email: admin.email }, id);
    revalidatePath("/admin/reports");
    return { ok: true, message: `The ${s.frequency} report schedule was deleted.` };
  },
  { permission: "reports" },
);

export const runReportNowAction = adminAction(
  byId.extend({ requestKey: z.string().trim().min(8).max(100) }),
  async ({ id, requestKey }, { admin }) => {
    const { sent, period, recipients } = await runReportNow(
      { id: admin.id, email: admin.email },
      id,
      requestKey,
    );
    revalidatePath("/admin/reports");
    return {
      ok: true,
      message: sent
        ? `Report for ${period.label} sent to ${recipients.join(", ")}.`
        : "That report was sent already.",
    };
  },
  { permission: "reports" },
);
