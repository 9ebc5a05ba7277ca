import type { z } from "zod";
import type { batchSchema } from "@/lib/metering/batch";
import type { usageSchema } from "@/lib/metering/charge";
import type { commitSchema, holdSchema } from "@/lib/metering/reservations";
import type { chatCompletionRequestSchema, chatCompletionResponseSchema } from "@/lib/proxy/schemas";
import type {
  apiKeySchema,
  createWorkspaceSchema,
  creditsSchema,
  subscriptionSchema,
} from "@/lib/workspaces/administration";
import type { autoTopUpSchema } from "@/lib/billing/auto-top-up";
import type { sessionRequestSchema } from "@/lib/metering/session-tokens";
import type * as R from "./responses";

// Example bodies for the document and the code samples on /docs/api, typed by the request schemas
// the handlers validate with and the response schemas the document publishes (the tests also
// validate every one against the published document).

type In<S extends z.ZodType> = z.input<S>;
type Out<S extends z.ZodType> = z.output<S>;

const money = (millicredits: number) => ({ millicredits, credits: (millicredits / 1000).toString() });
const at = "2026-01-01T12:00:00.000Z";
const midnight = "2026-01-02T00:00:00.000Z";
const WS = "cmws0example0000000000001";

const autoTopUp = {
  enabled: true,
  thresholdMillicredits: 5_000_000,
  pack: "credits-50k",
  monthlyCapCents: 20_000,
  pausedAt: null,
} satisfies Out<typeof R.autoTopUpSchema>;

export const PATH_EXAMPLES = {
  id: WS,
  reservationId: "res_5f0c2d1e9a8b4c3d",
  featureKey: "team_seats",
  modelId: "chat:gpt-4o-mini",
} as const;

const usageResult = {
  id: "evt_8c1d2f3a4b5c6d7e8f90a1b2c3d4e5f6",
  model: "poster-editor:inpaint-standard",
  billedTo: "credits",
  charged: money(24_000),
  balance: money(76_000),
  quota: null,
} satisfies Out<typeof R.usageResultSchema>;

const workspace = {
  id: WS,
  name: "Acme Video",
  tier: "pro",
  accountType: "subscription",
  suspended: false,
  balance: money(50_000),
  quota: { used: 6, limit: 3000, resetsAt: midnight },
  subscription: {
    id: "cmsub0example000000000001",
    tier: "pro",
    interval: "month",
    status: "active",
    provider: "manual",
    currentPeriodEnd: "2026-02-01T12:00:00.000Z",
    cancelAtPeriodEnd: false,
  },
} satisfies Out<typeof R.managedWorkspaceSchema>;

const chatModel = {
  id: "chat:gpt-4o-mini",
  object: "model",
  created: 1767225600,
  owned_by: "openai",
  type: "chat",
  model: "chat:gpt-4o-mini",
  name: "GPT-4o mini",
  unit: "token",
  allowed: true,
  requiredTier: "free",
  free: false,
  beta: false,
  quotaWeight: 1,
  priceVersion: 1,
  price: { per1kInputTokens: money(180), per1kOutputTokens: money(720) },
  pricing: {
    multiplier: 1,
    timeRule: null,
    windows: [
      {
        ruleId: "cmrule1",
        version: 2,
        start: "14:00",
        end: "18:00",
        weekdays: [1, 2, 3, 4, 5],
        multiplier: 1.5,
      },
    ],
    volume: {
      ruleId: "cmrule2",
      version: 1,
      steps: [
        { fromUnits: 1_000_000, discountPercent: 10 },
        { fromUnits: 10_000_000, discountPercent: 20 },
      ],
    },
  },
} satisfies Out<typeof R.modelSchema>;

export const EXAMPLES = {
  recordUsage: {
    request: {
      model: "poster-editor:inpaint-standard",
      quantity: 2,
      metadata: { jobId: "job_123" },
    } satisfies In<typeof usageSchema>,
    response: usageResult,
  },
  recordUsageBatch: {
    request: {
      events: [
        { model: "poster-editor:inpaint-standard", quantity: 1, idempotencyKey: "job_123:1" },
        { model: "chat:gpt-4o-mini", inputTokens: 1200, outputTokens: 350, idempotencyKey: "job_123:2" },
      ],
    } satisfies In<typeof batchSchema>,
    response: {
      results: [
        {
          index: 0,
          status: 200,
          ...usageResult,
          charged: money(12_000),
          balance: money(88_000),
          replayed: false,
        },
        {
          index: 1,
          status: 402,
          error: {
            code: "insufficient_credits",
            message: "This call needs 0.42 credits; 0 credits are left.",
            requiredMillicredits: 420,
            balanceMillicredits: 0,
          },
        },
      ],
    } satisfies Out<typeof R.batchResultSchema>,
  },
  createReservation: {
    request: {
      model: "chat:gpt-4o-mini",
      inputTokens: 2000,
      outputTokens: 1000,
      ttlSeconds: 300,
    } satisfies In<typeof holdSchema>,
    response: {
      id: PATH_EXAMPLES.reservationId,
      model: "chat:gpt-4o-mini",
      held: money(945),
      expiresAt: "2026-01-01T12:05:00.000Z",
    } satisfies Out<typeof R.reservationSchema>,
  },
  commitReservation: {
    request: { inputTokens: 1850, outputTokens: 640, metadata: { conversationId: "conv_42" } } satisfies In<
      typeof commitSchema
    >,
    response: {
      ...usageResult,
      model: "chat:gpt-4o-mini",
      charged: money(695),
      balance: money(99_305),
      reservation: { id: PATH_EXAMPLES.reservationId, held: money(945), status: "committed" },
    } satisfies Out<typeof R.commitResultSchema>,
  },
  releaseReservation: {
    response: {
      id: PATH_EXAMPLES.reservationId,
      status: "released",
      released: money(945),
      balance: money(100_000),
    } satisfies Out<typeof R.releaseResultSchema>,
  },
  getMe: {
    response: {
      workspace: { id: WS, name: "Acme Video" },
      tier: { code: "pro", name: "Pro" },
      accountType: "subscription",
      subscription: { interval: "month", status: "active", currentPeriodEnd: "2026-02-01T12:00:00.000Z" },
      plan: {
        tier: "pro",
        interval: "month",
        status: "active",
        version: 1,
        priceCents: 7_900,
        currency: "usd",
        includedMillicredits: 100_000_000,
        dailyQuota: 3000,
        rateLimitPerMinute: 300,
        seats: 10,
        currentPeriodEnd: "2026-02-01T12:00:00.000Z",
      },
      balance: money(50_000),
      credits: {
        balanceMillicredits: 50_000,
        buckets: [
          {
            source: "included",
            remainingMillicredits: 30_000,
            expiresAt: "2026-02-01T00:00:00.000Z",
            priority: 10,
          },
          { source: "purchase", remainingMillicredits: 20_000, expiresAt: null, priority: 40 },
        ],
      },
      runway: { days: 6 },
      quota: { used: 6, limit: 3000, resetsAt: midnight },
      rateLimit: { perMinute: 300, remaining: 299 },
      overageEnabled: true,
      entitlements: { api_access: { allowed: true, limit: null }, team_seats: { allowed: true, limit: 10 } },
      autoTopUp,
      member: {
        id: "cmusr0example000000000001",
        spendCap: {
          capMillicredits: 50_000_000,
          spentMillicredits: 12_500_000,
          remainingMillicredits: 37_500_000,
          resetsAt: "2026-02-01T00:00:00.000Z",
        },
      },
    } satisfies Out<typeof R.meSchema>,
  },
  listModels: {
    response: {
      object: "list",
      data: [
        {
          ...chatModel,
          id: "poster-editor:inpaint-standard",
          owned_by: "poster-editor",
          type: "metered",
          model: "poster-editor:inpaint-standard",
          name: "Inpaint Standard",
          unit: "image",
          price: { perUnit: money(12_000) },
        },
        chatModel,
      ],
    } satisfies Out<typeof R.modelsSchema>,
  },
  getModel: { response: chatModel },
  getEntitlement: {
    response: { feature: "team_seats", allowed: true, limit: 10 } satisfies Out<typeof R.entitlementSchema>,
  },
  getPricing: {
    response: {
      tiers: [
        {
          code: "free",
          name: "Free",
          description: "Try every free model and pay as you go for the rest.",
          monthlyPriceCents: 0,
          annualPriceCents: 0,
          currency: "usd",
          includedMillicredits: "1000000",
          dailyQuotaUnits: 50,
          rateLimitPerMinute: 20,
          markupBps: null,
          rank: 0,
          mostPopular: false,
          features: { api_access: { limitValue: null }, team_seats: { limitValue: 1 } },
          modelKeys: ["poster-editor:inpaint-standard"],
        },
      ],
      features: [
        {
          key: "team_seats",
          name: "Team seats",
          description: "People who can use the workspace.",
          category: "Collaboration",
          kind: "limit",
          unit: "seats",
        },
      ],
      apps: [
        {
          key: "poster-editor",
          name: "Poster Editor",
          description: "Edit and upscale posters.",
          models: [
            {
              key: "poster-editor:inpaint-standard",
              name: "Inpaint Standard",
              appKey: "poster-editor",
              unit: "image",
              costPerUnitMicros: "10000",
              inputCostPer1kMicros: "0",
              outputCostPer1kMicros: "0",
              quotaWeight: 1,
              free: false,
              beta: false,
              markupOverrideBps: null,
              priceVersion: 1,
              requiredTier: "free",
            },
          ],
        },
      ],
      packs: [
        {
          code: "credits-50k",
          name: "50,000 credits",
          millicredits: "50000000",
          bonusMillicredits: "2500000",
          priceCents: 5_000,
          currency: "usd",
        },
      ],
      defaultMarkupBps: 2_000,
      rolloverPercent: 50,
    } satisfies Out<typeof R.publicCatalogSchema>,
  },
  createChatCompletion: {
    request: {
      model: "chat:gpt-4o-mini",
      messages: [{ role: "user", content: "Say hello." }],
      max_tokens: 256,
    } satisfies In<typeof chatCompletionRequestSchema>,
    response: {
      id: "chatcmpl-9x1f2e3d4c5b6a",
      object: "chat.completion",
      created: 1767268800,
      model: "gpt-4o-mini",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: "Hello! How can I help?" },
          finish_reason: "stop",
        },
      ],
      usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
    } satisfies Out<typeof chatCompletionResponseSchema>,
  },
  createWorkspace: {
    request: {
      name: "Acme Video",
      ownerEmail: "owner@acme.example",
      tier: "pro",
      accountType: "subscription",
    } satisfies In<typeof createWorkspaceSchema>,
    response: workspace,
  },
  getWorkspace: { response: workspace },
  adjustCredits: {
    request: {
      millicredits: 50_000,
      reason: "Welcome credit",
      idempotencyKey: "welcome-acme-video",
    } satisfies In<typeof creditsSchema>,
    response: { workspaceId: WS, applied: true, balance: money(50_000) } satisfies Out<
      typeof R.creditAdjustmentSchema
    >,
  },
  setSubscription: {
    request: { tier: "pro", interval: "year" } satisfies In<typeof subscriptionSchema>,
    response: { ...workspace, subscription: { ...workspace.subscription, interval: "year" } },
  },
  setAutoTopUp: {
    request: {
      enabled: true,
      thresholdMillicredits: 5_000_000,
      pack: "credits-50k",
      monthlyCapCents: 20_000,
    } satisfies In<typeof autoTopUpSchema>,
    response: autoTopUp,
  },
  createWorkspaceKey: {
    request: { name: "backend" } satisfies In<typeof apiKeySchema>,
    response: {
      id: "cmkey0example000000000001",
      key: "tg_Qm9yZ2V0LW1lLW5vdC1hLXJlYWwta2V5",
      prefix: "tg_Qm9yZ2V",
      name: "backend",
    } satisfies Out<typeof R.issuedKeySchema>,
  },
  createSessionToken: {
    request: { ttlSeconds: 900 } satisfies In<typeof sessionRequestSchema>,
    response: {
      token: "tgs_eyJ3IjoiY213czBleGFtcGxlMDAwMDAwMDAwMDAwMSIsImUiOjE3NjcyNzAwMDB9.c2lnbmF0dXJl",
      expiresAt: "2026-01-01T12:15:00.000Z",
      workspaceId: WS,
      memberId: null,
    } satisfies Out<typeof R.sessionTokenSchema>,
  },
  listLedger: {
    response: {
      total: 1,
      page: 1,
      pageSize: 50,
      data: [
        {
          id: "cmled0example000000000001",
          seq: 1,
          workspaceId: WS,
          kind: "admin_adjustment",
          amountMillicredits: money(50_000),
          balanceAfterMillicredits: money(50_000),
          reference: "admin:welcome-acme-video",
          reason: "Welcome credit",
          actorId: null,
          createdAt: at,
        },
      ],
    } satisfies Out<typeof R.ledgerPageSchema>,
  },
  listUsage: {
    response: {
      total: 1,
      page: 1,
      pageSize: 50,
      data: [
        {
          id: usageResult.id,
          workspaceId: WS,
          apiKeyId: "cmkey0example000000000001",
          modelKey: "poster-editor:inpaint-pro",
          quantity: 2,
          inputTokens: null,
          outputTokens: null,
          billedTo: "quota",
          markupBps: 500,
          priceVersion: 1,
          chargedMillicredits: money(0),
          quotaUnits: 6,
          balanceAfterMillicredits: money(50_000),
          idempotencyKey: "job_123",
          reservationId: null,
          metadata: null,
          createdAt: at,
        },
      ],
    } satisfies Out<typeof R.usagePageSchema>,
  },
} as const;

export type OperationId = keyof typeof EXAMPLES;
