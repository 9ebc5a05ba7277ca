import "server-only";
import { openBuckets } from "@/lib/billing/buckets";
import type { Plan } from "@/lib/billing/plan";
import { db } from "@/lib/db";
import { priceCall } from "@/lib/catalog/pricing";
import { BPS, hhmm, scheduleFor } from "@/lib/catalog/price-rules";
import { seatLimit } from "@/lib/catalog/seats";
import type { ApiCaller } from "./authenticate";
import { ModelNotFoundError } from "./errors";
import { money } from "./http";
import { nextUtcMidnight, utcDay } from "./time";

// Read-only views for apps: who am I, what may I use, what does it cost.

export async function quotaState(caller: ApiCaller, now = new Date()) {
  if (caller.workspace.accountType !== "subscription") return null;
  const counter = await db.quotaCounter.findUnique({
    where: { workspaceId_day: { workspaceId: caller.workspace.id, day: utcDay(now) } },
  });
  return { used: counter?.used ?? 0, limit: caller.plan.dailyQuotaUnits, resetsAt: nextUtcMidnight(now) };
}

/** What the workspace's plan includes (SPEC §8.2 `plan`): the numbers the pricing page shows for it. */
/** The /me `plan` block: what the plan grants (lib/billing/plan.ts) and its seats (lib/catalog/seats.ts). */
export function planSummary(caller: ApiCaller, plan: Plan) {
  return {
    tier: plan.tier.code,
    interval: plan.interval,
    status: plan.subscription?.status ?? null,
    version: plan.version,
    priceCents: plan.priceCents,
    currency: plan.currency,
    includedMillicredits: Number(plan.includedMillicredits),
    dailyQuota: plan.dailyQuotaUnits,
    rateLimitPerMinute: plan.rateLimitPerMinute,
    seats: seatLimit(caller.tier.features.map((f) => ({ key: f.feature.key, limitValue: f.limitValue }))),
    currentPeriodEnd: plan.subscription?.currentPeriodEnd.toISOString() ?? null,
  };
}

/** The /me `credits` block (SPEC §8.2): the balance and its buckets with credits left, in drawing order. */
export async function creditsSummary(caller: ApiCaller) {
  const buckets = await openBuckets(caller.workspace.id);
  return {
    balanceMillicredits: Number(caller.workspace.balanceMillicredits),
    buckets: buckets.map((b) => ({
      source: b.source,
      remainingMillicredits: Number(b.remainingMillicredits),
      expiresAt: b.expiresAt?.toISOString() ?? null,
      priority: b.priority,
    })),
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

/** Members the plan allows: its team_seats limit (null: unlimited); a plan without it is one person. */

export function modelList(caller: ApiCaller) {
  return modelsForTier(caller.catalog, caller.tier);
}

/** One enabled model as the caller's tier sees it (GET /models/{id}); 404 model_not_found otherwise. */
export function modelByKey(caller: ApiCaller, key: string) {
  const model = modelList(caller).find((m) => m.id === key);
  if (!model) throw new ModelNotFoundError(key);
  return model;
}

/** A model the chat proxy can call: priced per token and served by a configured provider. */
export const isChatModel = (m: { unit: string; provider: string | null }) =>
  m.unit === "token" && m.provider !== null;

/** Every enabled model as the tier sees it: allowed or not, the tier that unlocks it, its price after markup. */
export function modelsForTier(
  catalog: ApiCaller["catalog"],
  tier: Pick<ApiCaller["tier"], "id" | "markupBps">,
  now = new Date(),
) {
  return [...catalog.models.values()]
    .filter((m) => m.enabled)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key))
    .map((m) => {
      const schedule = scheduleFor(catalog.rules, m.id, tier.id, now);
      const ruled = !m.free && (schedule.windows.length > 0 || schedule.volume !== null);
      // The price in force now: the list price times the time-of-day multiplier now.
      const price = (usage: { quantity?: number; inputTokens?: number; outputTokens?: number }) =>
        money(
          priceCall({
            model: m,
            usage,
            tierMarkupBps: tier.markupBps,
            defaultMarkupBps: catalog.settings.defaultMarkupBps,
            multiplierBps: m.free ? undefined : schedule.multiplierBps,
          }).millicredits,
        );
      return {
        // OpenAI's model-object fields (SPEC §8.4), so OpenAI clients can list and retrieve models.
        id: m.key,
        object: "model" as const,
        created: Math.floor(m.createdAt.getTime() / 1000),
        owned_by: m.provider ?? m.key.slice(0, m.key.indexOf(":")),
        // "chat": callable through POST /chat/completions; "metered": charged through /usage or a reservation.
        type: isChatModel(m) ? ("chat" as const) : ("metered" as const),
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
        // Dynamic pricing rules (README "Dynamic pricing rules"); null when none applies.
        pricing: ruled
          ? {
              multiplier: schedule.multiplierBps / BPS,
              timeRule: schedule.timeRule && { id: schedule.timeRule.id, version: schedule.timeRule.version },
              windows: schedule.windows.map((w) => ({
                ruleId: w.id,
                version: w.version,
                start: hhmm(w.startMinute),
                end: hhmm(w.endMinute),
                weekdays: w.weekdays,
                multiplier: w.multiplierBps / BPS,
              })),
              volume: schedule.volume && {
                ruleId: schedule.volume.id,
                version: schedule.volume.version,
                steps: schedule.volume.steps.map((st) => ({
                  fromUnits: st.fromUnits,
                  discountPercent: st.discountBps / 100,
                })),
              },
            }
          : null,
      };
    });
}
