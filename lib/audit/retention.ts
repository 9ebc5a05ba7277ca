import { getSettings } from "@/lib/catalog/settings";
import { db } from "@/lib/db";

/** Deletes audit entries older than the retention setting. Idempotent: a second run finds nothing. */
export async function applyAuditRetention(now = new Date()) {
  const { auditRetentionDays } = await getSettings();
  const cutoff = new Date(now.getTime() - auditRetentionDays * 864e5);
  const { count } = await db.auditLog.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return { deleted: count, cutoff };
}
