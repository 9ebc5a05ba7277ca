import "server-only";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { RateLimitedError, type RateLimitState } from "@/lib/errors";

/**
 * Counts one API request against `key`'s per-minute limit and returns the state the RateLimit
 * headers show; once the limit is spent, refuses with 429 and `refusal` as the message.
 */
export async function limitPerMinute(key: string, limit: number, refusal: string): Promise<RateLimitState> {
  const hit = await hitRateLimit(key, limit, 60);
  const state = {
    limit,
    remaining: Math.max(0, limit - hit.count),
    resetAt: new Date(Date.now() + hit.retryAfterSeconds * 1000),
  };
  if (!hit.allowed) throw new RateLimitedError(hit.retryAfterSeconds, refusal, state);
  return state;
}
