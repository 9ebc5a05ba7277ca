import "server-only";
import { getSettings, settingsSchema } from "@/lib/settings/settings";
import { db } from "@/lib/db";
import { recordAudit, type Actor } from "./record";

export const retentionDaysSchema = settingsSchema.shape.auditRetentionDays;

/** Entries created before this instant are deleted by the next retention run. */
export const retentionCutoff = (days: number, now = new Date()) => new Date(now.getTime() - days * 864e5);

/** Deletes audit entries older than the retention setting. Idempotent: a second run finds nothing. */
export async function applyAuditRetention(now = new Date()) {
  const { auditRetentionDays } = await getSettings();
  const cutoff = retentionCutoff(auditRetentionDays, now);
  const { count } = await db.auditLog.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return { deleted: count, cutoff };
}

/** Changes how long audit entries are kept; the change is itself audited. */
export async function setAuditRetention(actor: Actor, days: number) {
  const next = retentionDaysSchema.parse(days);
  const { auditRetentionDays: previous } = await getSettings();
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: "auditRetentionDays" },
      create: { key: "auditRetentionDays", value: next },
      update: { value: next },
    });
    await recordAudit(tx, {
      actor,
      action: "settings.audit_retention",
      targetType: "settings",
      targetId: "auditRetentionDays",
      before: { auditRetentionDays: previous },
      after: { auditRetentionDays: next },
    });
  });
  return next;
}
