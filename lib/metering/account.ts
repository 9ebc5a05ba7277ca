import "server-only";
import { db } from "@/lib/db";
import { priceCall } from "@/lib/catalog/pricing";
import { seatLimit } from "@/lib/catalog/seats";
import type { ApiCaller } from "./authenticate";
import { money } from "./http";
import { nextUtcMidnight, utcDay } from "./time";

// Read-only views for apps: who am I, what may I use, what does it cost.

export async function quotaState(caller: ApiCaller, now = new Date()) {
  if (caller.workspace.accountType !== "subscription") return null;
  const counter = await db.quotaCounter.findUnique({
    where: { workspaceId_day: { workspaceId: caller.workspace.id, day: utcDay(now) } },
  });
  return { used: counter?.used ?? 0, limit: caller.tier.dailyQuotaUnits, resetsAt: nextUtcMidnight(now) };
}

/** What the workspace's plan includes (SPEC §8.2 `plan`): the numbers the pricing page shows for it. */
export function planSummary(caller: ApiCaller) {
  const { tier, subscription } = caller;
  return {
    tier: tier.code,
    interval: subscription?.interval ?? null,
    status: subscription?.status ?? "active",
    priceCents: subscription?.interval === "year" ? tier.annualPriceCents : tier.monthlyPriceCents,
    currency: tier.currency,
    includedMillicredits: Number(tier.includedMillicredits),
    dailyQuota: tier.dailyQuotaUnits,
    rateLimitPerMinute: tier.rateLimitPerMinute,
    seats: seatLimit(tier.features.map((f) => ({ key: f.feature.key, limitValue: f.limitValue }))),
    currentPeriodEnd: subscription?.currentPeriodEnd.toISOString() ?? null,
  };
}

export function entitlements(caller: ApiCaller) {
  return Object.fromEntries(
    caller.tier.features.map((f) => [
      f.feature.key,
      { allowed: true, limit: f.feature.kind === "limit" ? f.limitValue : null },
    ]),
  );
}

export function entitlement(caller: ApiCaller, featureKey: string) {
  const row = caller.tier.features.find((f) => f.feature.key === featureKey);
  return {
    feature: featureKey,
    allowed: Boolean(row),
    limit: row && row.feature.kind === "limit" ? row.limitValue : null,
  };
}

export function modelList(caller: ApiCaller) {
  const { catalog, tier } = caller;
  return [...catalog.models.values()]
    .filter((m) => m.enabled)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key))
    .map((m) => {
      const price = (usage: { quantity?: number; inputTokens?: number; outputTokens?: number }) =>
        money(
          priceCall({
            model: m,
            usage,
            tierMarkupBps: tier.markupBps,
            defaultMarkupBps: catalog.settings.defaultMarkupBps,
          }).millicredits,
        );
      return {
        model: m.key,
        name: m.name,
        unit: m.unit,
        allowed: m.tierIds.has(tier.id),
        requiredTier: m.requiredTier,
        free: m.free,
        beta: m.beta,
        quotaWeight: m.quotaWeight,
        priceVersion: m.priceVersion,
        price:
          m.unit === "token"
            ? {
                per1kInputTokens: price({ inputTokens: 1000 }),
                per1kOutputTokens: price({ outputTokens: 1000 }),
              }
            : { perUnit: price({ quantity: 1 }) },
      };
    });
}
