"use server";

import { revalidatePath } from "next/cache";
import { adminAction, type ActionState } from "@/lib/auth/action";
import { sendTestEmail, testEmailSchema } from "@/lib/email/admin";

export type SendTestState = ActionState & { outboxId?: string };

export const sendTestEmailAction = adminAction(testEmailSchema, async ({ template, to }, { admin }) => {
  const outboxId = await sendTestEmail({ id: admin.id, email: admin.email }, template, to);
  revalidatePath("/admin/outbox");
  // The form resets after an action; handing the choices back keeps them for the next test.
  const state: SendTestState = {
    ok: true,
    message: `Test email “${template}” queued for ${to}.`,
    outboxId,
    values: { template, to },
  };
  return state;
}) as (prev: SendTestState, formData: FormData) => Promise<SendTestState>;
