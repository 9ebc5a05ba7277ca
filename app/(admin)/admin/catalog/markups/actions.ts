"use server";

import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { updateSettings } from "@/lib/settings/settings";
import { actorOf, refreshCatalog } from "../_lib/refresh";

const defaultMarkupSchema = z.object({
  defaultMarkupPercent: z
    .string()
    .trim()
    .regex(/^\d{1,4}(\.\d{1,2})?$/, "Enter a percentage such as 20 or 12.5.")
    .transform((v) => Math.round(Number(v) * 100))
    .refine((bps) => bps <= 100_000, "The markup is capped at 1000%."),
});

export const updateDefaultMarkupAction = adminAction(
  defaultMarkupSchema,
  async ({ defaultMarkupPercent }, { admin }) => {
    await updateSettings(actorOf(admin), { defaultMarkupBps: defaultMarkupPercent });
    refreshCatalog();
    return { ok: true, message: "Default markup saved." };
  },
);
