import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

// Non-transactional email comes in categories a user can turn off, one click from the email itself
// (RFC 8058 List-Unsubscribe-Post) or in dashboard settings. Receipts, password resets and other
// transactional mail have no category and always arrive.
export const emailCategories = {
  quota_alerts: {
    label: "Quota alerts",
    description: "When a workspace reaches 80% and 100% of its daily quota.",
  },
  low_credits: {
    label: "Low-credit alerts",
    description: "When credits fall below 10% of the last top-up or grant.",
  },
  usage_summary: {
    label: "Weekly usage summaries",
    description: "Calls, credits and top models of the past week, on Mondays.",
  },
} as const;
export type EmailCategory = keyof typeof emailCategories;
export const isEmailCategory = (value: unknown): value is EmailCategory =>
  typeof value === "string" && value in emailCategories;

/** The categories this user still receives, for the settings page. */
export async function emailPreferences(userId: string): Promise<Record<EmailCategory, boolean>> {
  const off = new Set(
    (await db.emailOptOut.findMany({ where: { userId }, select: { category: true } })).map((o) => o.category),
  );
  return Object.fromEntries(Object.keys(emailCategories).map((c) => [c, !off.has(c)])) as Record<
    EmailCategory,
    boolean
  >;
}

/** Turns one category on or off; repeating either is harmless. */
export async function setEmailPreference(userId: string, category: EmailCategory, enabled: boolean) {
  if (enabled) await db.emailOptOut.deleteMany({ where: { userId, category } });
  else await db.emailOptOut.createMany({ data: [{ userId, category }], skipDuplicates: true });
}

// Unsubscribe links carry userId.category.signature so they work without signing in.
const secret = () => {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET is required to sign unsubscribe links.");
  return "tollgate-development-unsubscribe-secret";
};
const sign = (payload: string) =>
  createHmac("sha256", secret()).update(`unsubscribe:${payload}`).digest("base64url");

export function unsubscribeToken(userId: string, category: EmailCategory) {
  const payload = `${userId}.${category}`;
  return `${payload}.${sign(payload)}`;
}

export function readUnsubscribeToken(token: string): { userId: string; category: EmailCategory } | null {
  const [userId, category, signature, ...rest] = token.split(".");
  if (rest.length || !userId || !signature || !isEmailCategory(category)) return null;
  const expected = Buffer.from(sign(`${userId}.${category}`));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, category } : null;
}

export const unsubscribeUrl = (userId: string, category: EmailCategory) =>
  `${env.APP_URL}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(userId, category))}`;

/** Applies a token from an email link; false when the token is not one Tollgate signed. */
export async function unsubscribeWithToken(token: string) {
  const claim = readUnsubscribeToken(token);
  if (!claim) return null;
  if (!(await db.user.count({ where: { id: claim.userId } }))) return null;
  await setEmailPreference(claim.userId, claim.category, false);
  return claim;
}

/** The RFC 8058 List-Unsubscribe-Post target: mail clients POST to it without a session. */
export const oneClickUnsubscribeUrl = (userId: string, category: EmailCategory) =>
  `${env.APP_URL}/api/email/unsubscribe?token=${encodeURIComponent(unsubscribeToken(userId, category))}`;

/** Saves the whole settings form at once; categories left out keep their current setting. */
export async function setEmailPreferences(
  userId: string,
  preferences: Partial<Record<EmailCategory, boolean>>,
) {
  for (const [category, enabled] of Object.entries(preferences)) {
    if (isEmailCategory(category) && typeof enabled === "boolean")
      await setEmailPreference(userId, category, enabled);
  }
}
