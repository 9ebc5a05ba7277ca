"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { replayWebhookEvent } from "@/lib/payments/events";

export const replayEventAction = adminAction(
  z.object({ id: z.string().min(1) }),
  async ({ id }, { admin }) => {
    const result = await replayWebhookEvent({ id: admin.id, email: admin.email }, id);
    revalidatePath("/admin/payments/events");
    return { ok: true, message: `Event ${id} replayed: ${result}.` };
  },
  { permission: "payments" },
);
