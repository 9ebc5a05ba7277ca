import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db } from "@/lib/db";

// Global catalog settings with their defaults; stored one row per key in Setting.
export const settingsSchema = z.object({
  defaultMarkupBps: z.coerce.number().int().min(0, "Markup cannot be negative.").max(100_000, "Markup is capped at 1000%."),
});
export type CatalogSettings = z.infer<typeof settingsSchema>;
export const defaultSettings: CatalogSettings = { defaultMarkupBps: 2000 };

export async function getSettings(): Promise<CatalogSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.keys(defaultSettings) } } });
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return settingsSchema.parse({ ...defaultSettings, ...stored });
}

export async function updateSettings(actor: Actor, patch: Partial<CatalogSettings>) {
  const next = settingsSchema.partial().parse(patch);
  return db.$transaction(async (tx) => {
    const before = await getSettings();
    for (const [key, value] of Object.entries(next)) {
      await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
    await recordAudit(tx, { actor, action: "settings.update", targetType: "settings", before, after: { ...before, ...next } });
    return { ...before, ...next };
  });
}
