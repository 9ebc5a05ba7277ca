import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashKey } from "@/lib/metering/api-keys";
import { limitPerMinute } from "@/lib/http/rate-limit";
import { InvalidApiKeyError } from "@/lib/metering/errors";

const ADMIN_KEY_PER_MINUTE = 600;

/**
 * Bearer tga_... -> the admin API key. The key in TOLLGATE_ADMIN_API_KEY is stored (hashed) on
 * first use, so it shows in the console and can be revoked there like any other.
 */
export async function authenticateAdminKey(authorization: string | null) {
  const raw = /^Bearer\s+(tga_[A-Za-z0-9_-]+)$/.exec(authorization?.trim() ?? "")?.[1];
  if (!raw) throw new InvalidApiKeyError();
  const keyHash = hashKey(raw);
  let key = await db.adminApiKey.findUnique({ where: { keyHash } });
  if (!key && env.TOLLGATE_ADMIN_API_KEY && raw === env.TOLLGATE_ADMIN_API_KEY) {
    key = await db.adminApiKey.upsert({
      where: { keyHash },
      create: { name: "Bootstrap key (TOLLGATE_ADMIN_API_KEY)", prefix: raw.slice(0, 11), keyHash },
      update: {},
    });
  }
  if (!key || key.revokedAt) throw new InvalidApiKeyError();
  const rate = await limitPerMinute(
    `admin-api:${key.id}`,
    ADMIN_KEY_PER_MINUTE,
    "Too many requests for this admin API key this minute.",
  );
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
    void db.adminApiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  }
  return { key, rate };
}
