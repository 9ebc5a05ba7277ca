import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db } from "@/lib/db";

// Global settings (markup default, referral rewards, rollover, grace, audit retention, admin 2FA) with their defaults; stored one row per key in Setting.
const millicredits = z
  .union([z.bigint(), z.string().regex(/^\d{1,15}$/), z.number().int().nonnegative()])
  .transform((v) => BigInt(v));

/** A whole number from a form or a stored row, between `min` and `max`, each bound with its message. */
const wholeNumber = (min: number, tooLow: string, max: number, tooHigh: string) =>
  z.coerce.number().int().min(min, tooLow).max(max, tooHigh);

export const settingsSchema = z.object({
  defaultMarkupBps: wholeNumber(0, "Markup cannot be negative.", 100_000, "Markup is capped at 1000%."),
  // Referral rewards (SPEC: 5,000 credits to the referrer, 1,000 to the new user), paid on the first payment.
  referralReferrerMillicredits: millicredits,
  referralNewUserMillicredits: millicredits,
  // At renewal, this share of the unused included credits carries over (SPEC: up to 50%); the rest expires.
  rolloverPercent: wholeNumber(0, "Rollover cannot be negative.", 100, "At most 100%."),
  // Promotional credits (coupons, referrals) expire this many days after they are granted.
  promotionalCreditDays: wholeNumber(
    1,
    "Promotional credits last at least a day.",
    3650,
    "At most 10 years.",
  ),
  // Days a plan stays usable after a failed renewal payment before the workspace returns to the free tier.
  paymentGraceDays: wholeNumber(0, "Grace cannot be negative.", 60, "At most 60 days."),
  // Audit entries older than this are deleted by the nightly retention job.
  auditRetentionDays: wholeNumber(30, "Keep at least 30 days.", 3650, "At most 10 years."),
  // Admins without two-factor authentication are sent to enrol instead of into the console.
  requireAdminTwoFactor: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
export type GlobalSettings = z.infer<typeof settingsSchema>;
export const defaultSettings: GlobalSettings = {
  defaultMarkupBps: 2000,
  referralReferrerMillicredits: 5_000_000n,
  referralNewUserMillicredits: 1_000_000n,
  rolloverPercent: 50,
  promotionalCreditDays: 365,
  paymentGraceDays: 7,
  auditRetentionDays: 365,
  requireAdminTwoFactor: false,
};

export async function getSettings(): Promise<GlobalSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.keys(defaultSettings) } } });
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return settingsSchema.parse({ ...defaultSettings, ...stored });
}

export async function updateSettings(actor: Actor, patch: Partial<GlobalSettings>) {
  const next = settingsSchema.partial().parse(patch);
  return db.$transaction(async (tx) => {
    const before = await getSettings();
    for (const [key, raw] of Object.entries(next)) {
      const value = typeof raw === "bigint" ? raw.toString() : raw; // JSON has no BigInt
      await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
    await recordAudit(tx, {
      actor,
      action: "settings.update",
      targetType: "settings",
      before,
      after: { ...before, ...next },
    });
    return { ...before, ...next };
  });
}
