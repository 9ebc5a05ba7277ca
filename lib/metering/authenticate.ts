import { db } from "@/lib/db";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { hashKey } from "./api-keys";
import { catalogSnapshot } from "./catalog-cache";
import { InvalidApiKeyError, RateLimitedError, WorkspaceSuspendedError } from "./errors";

const LIVE = ["active", "trialing", "past_due"] as const;

export type ApiCaller = Awaited<ReturnType<typeof authenticate>>;

/** Bearer key -> the key, its workspace, and the tier the workspace is on (free without a plan). */
export async function authenticate(authorization: string | null) {
  const raw = /^Bearer\s+(tg_[A-Za-z0-9_-]+)$/.exec(authorization?.trim() ?? "")?.[1];
  if (!raw) throw new InvalidApiKeyError();
  const [key, catalog] = await Promise.all([
    db.apiKey.findUnique({
      where: { keyHash: hashKey(raw) },
      include: {
        workspace: {
          include: { subscriptions: { where: { status: { in: [...LIVE] } }, orderBy: { createdAt: "desc" }, take: 1 } },
        },
      },
    }),
    catalogSnapshot(),
  ]);
  const now = new Date();
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now)) throw new InvalidApiKeyError();
  if (key.workspace.suspendedAt) throw new WorkspaceSuspendedError();
  // Worth a write at most once a minute per key; not on the charge's critical path.
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    void db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } }).catch(() => {});
  }
  const subscription = key.workspace.subscriptions[0] ?? null;
  const tier = (subscription && catalog.tiersById.get(subscription.tierId)) || catalog.freeTier;
  return { apiKey: key, workspace: key.workspace, subscription, tier, catalog };
}

export type RateLimitState = { limit: number; remaining: number; resetAt: Date };

/** Per-key fixed one-minute window at the tier's rate; throws 429 with Retry-After when spent. */
export async function checkRateLimit(caller: ApiCaller): Promise<RateLimitState> {
  const limit = caller.tier.rateLimitPerMinute;
  const hit = await hitRateLimit(`api:${caller.apiKey.id}`, limit, 60);
  const state = { limit, remaining: Math.max(0, limit - hit.count), resetAt: new Date(Date.now() + hit.retryAfterSeconds * 1000) };
  if (!hit.allowed) throw Object.assign(new RateLimitedError(hit.retryAfterSeconds), { rateLimit: state });
  return state;
}
