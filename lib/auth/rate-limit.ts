import "server-only";
import { db } from "@/lib/db";

/**
 * Counts one attempt for `key` in the current fixed window and says whether it is allowed.
 * One upsert statement, so concurrent attempts count exactly.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number) {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    insert into "RateLimitHit" ("key", "windowStart", "count") values (${key}, ${windowStart}, 1)
    on conflict ("key", "windowStart") do update set "count" = "RateLimitHit"."count" + 1
    returning "count"`;
  const count = rows[0].count;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - Date.now()) / 1000);
  return { allowed: count <= limit, count, retryAfterSeconds };
}

export async function clearRateLimit(key: string) {
  await db.rateLimitHit.deleteMany({ where: { key } });
}

/** Takes one attempt back from the current window (a success that should not count as a failure). */
export async function refundRateLimit(key: string, windowSeconds: number) {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  await db.$executeRaw`update "RateLimitHit" set "count" = "count" - 1 where "key" = ${key} and "windowStart" = ${windowStart} and "count" > 0`;
}
