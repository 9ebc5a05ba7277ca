import { z } from "zod";
import type { entitlement, modelList } from "@/lib/metering/account";
import type { PublicCatalog } from "@/lib/catalog/public";
import type { money, usageBody } from "@/lib/metering/http";

// The v1 API's response bodies, as the OpenAPI document publishes them. Requests are validated by
// the handlers' own zod schemas; these describe what the handlers send back. The type checks at the
// bottom keep the shaping functions and these schemas from drifting apart.

const isoTime = z.iso.datetime().meta({ description: "ISO 8601 time, UTC." });
const count = z.number().int().min(0);

export const moneySchema = z
  .object({
    millicredits: z
      .number()
      .int()
      .meta({ description: "Integer millicredits (1 credit = 1,000 millicredits = US$0.001)." }),
    credits: z
      .string()
      .meta({ description: "The same amount in credits, as a decimal string with up to 3 decimals." }),
  })
  .meta({ description: "An amount of money: integer millicredits beside a decimal-string credits." });

export const quotaSchema = z
  .object({
    used: count,
    limit: count,
    resetsAt: isoTime.meta({ description: "The next 00:00 UTC, when the daily quota resets." }),
  })
  .meta({ description: "The daily quota (subscription workspaces); null on pay-as-you-go." });

export const billedToSchema = z.enum(["quota", "credits", "free", "byok"]);

export const usageResultSchema = z.object({
  id: z.string().meta({ description: "The usage event id (evt_…)." }),
  model: z.string(),
  billedTo: billedToSchema,
  charged: moneySchema,
  balance: moneySchema.meta({ description: "The credit balance after this call." }),
  quota: quotaSchema.nullable(),
});

export const batchResultSchema = z.object({
  results: z.array(
    z.union([
      usageResultSchema.extend({
        index: count,
        status: z.literal(200),
        replayed: z.boolean().meta({
          description: "True when this event's idempotencyKey was seen before; nothing was charged again.",
        }),
      }),
      z.object({
        index: count,
        status: z.number().int().meta({ description: "The HTTP status this event alone would have had." }),
        error: z
          .looseObject({ code: z.string(), message: z.string() })
          .meta({ description: "The same error body as the single-call endpoint." }),
      }),
    ]),
  ),
});

export const reservationSchema = z.object({
  id: z.string().meta({ description: "The reservation id (res_…)." }),
  model: z.string(),
  held: moneySchema,
  expiresAt: isoTime,
});

export const commitResultSchema = usageResultSchema.extend({
  reservation: z.object({ id: z.string(), held: moneySchema, status: z.literal("committed") }),
});

export const releaseResultSchema = z.object({
  id: z.string(),
  status: z.literal("released"),
  released: moneySchema,
  balance: moneySchema,
});

export const entitlementValueSchema = z.object({
  allowed: z.boolean(),
  limit: z
    .number()
    .int()
    .nullable()
    .meta({ description: "The numeric limit (e.g. seats); null for on/off features or unlimited." }),
});

export const entitlementSchema = entitlementValueSchema.extend({ feature: z.string() });

export const autoTopUpSchema = z
  .object({
    enabled: z.boolean(),
    thresholdMillicredits: count.meta({
      description: "A charge leaving the balance below this buys the pack.",
    }),
    pack: z.string().nullable().meta({ description: "The credit pack's code; null when never set." }),
    monthlyCapCents: count.meta({ description: "Auto top-ups stop for the UTC month before passing this." }),
    pausedAt: isoTime.nullable().meta({
      description: "Set when a top-up was declined: paused until re-enabled or the card is updated.",
    }),
  })
  .meta({ description: "Auto top-up with the saved card (SPEC §8.2)." });

export const meSchema = z.object({
  workspace: z.object({ id: z.string(), name: z.string() }),
  tier: z.object({ code: z.string(), name: z.string() }),
  accountType: z.enum(["payg", "subscription"]).meta({
    description:
      "subscription: the plan's daily quota first, then credits (every plan, the free one too); payg: no daily quota, every paid call draws credits.",
  }),
  subscription: z
    .object({ interval: z.enum(["month", "year"]), status: z.string(), currentPeriodEnd: isoTime })
    .nullable()
    .meta({ description: "The live paid plan; null on the free tier." }),
  plan: z
    .object({
      tier: z.string(),
      interval: z.enum(["month", "year"]),
      status: z
        .string()
        .nullable()
        .meta({ description: "The subscription's status; null on the free tier." }),
      version: z.number().int().meta({ description: "The plan version the subscription was sold at." }),
      priceCents: count.meta({ description: "What one interval costs on that version, in cents." }),
      currency: z.string(),
      includedMillicredits: count.meta({ description: "Credits granted every month on that version." }),
      dailyQuota: count.meta({ description: "Quota units per UTC day on that version." }),
      rateLimitPerMinute: count,
      seats: count.nullable().meta({ description: "Members allowed; null for unlimited." }),
      currentPeriodEnd: isoTime.nullable(),
    })
    .meta({ description: "What the workspace's plan grants, on the terms it was sold at." }),
  balance: moneySchema,
  credits: z
    .object({
      balanceMillicredits: count.meta({ description: "The balance: the sum of the buckets' remainders." }),
      buckets: z
        .array(
          z.object({
            source: z.enum(["included", "rollover", "promotional", "adjustment", "purchase"]),
            remainingMillicredits: count,
            expiresAt: isoTime.nullable().meta({ description: "null: never expires (purchased credits)." }),
            priority: z.number().int().meta({ description: "Lower is drawn first." }),
          }),
        )
        .meta({ description: "Buckets with credits left, in the order charges draw them." }),
    })
    .meta({ description: "What the balance is made of (SPEC §8.2 credit buckets)." }),
  runway: z
    .object({
      days: count.nullable().meta({
        description: "Whole days the balance lasts at the last 7 days' rate; null with no paid usage.",
      }),
    })
    .meta({ description: "How long the credits last at the last 7 days' rate of credits charged." }),
  quota: quotaSchema.nullable(),
  rateLimit: z.object({ perMinute: count, remaining: count }),
  overageEnabled: z.boolean(),
  entitlements: z
    .record(z.string(), entitlementValueSchema)
    .meta({ description: "Every feature of the tier, by feature key." }),
  autoTopUp: autoTopUpSchema,
  member: z
    .object({
      id: z.string().meta({ description: "The member's user id." }),
      spendCap: z
        .object({
          capMillicredits: count,
          spentMillicredits: count.meta({ description: "Spent on the cap this UTC month." }),
          remainingMillicredits: count,
          resetsAt: isoTime.meta({ description: "The start of the next UTC month." }),
        })
        .nullable()
        .meta({ description: "The member's own monthly spend cap in the team; null when none is set." }),
    })
    .nullable()
    .meta({
      description:
        "Whose calls these are in a team workspace: the API key's creator, or the member a customer session token was minted for (memberId); null otherwise.",
    }),
});

export const modelSchema = z.object({
  id: z.string().meta({ description: "The model key, app:model (OpenAI's model id)." }),
  object: z.literal("model"),
  created: z.number().int().meta({ description: "When the model was added, in Unix seconds." }),
  owned_by: z.string().meta({ description: "The model's provider, else its app." }),
  type: z.enum(["chat", "metered"]).meta({
    description:
      "chat: callable through POST /api/v1/chat/completions; metered: charged through /usage or a reservation.",
  }),
  model: z.string().meta({ description: "The model key, app:model (the same as id)." }),
  name: z.string(),
  unit: z.enum(["request", "image", "second", "token"]),
  allowed: z.boolean().meta({ description: "Whether the caller's tier may use this model." }),
  requiredTier: z.string().nullable().meta({ description: "The lowest tier that has this model." }),
  free: z.boolean(),
  beta: z.boolean(),
  quotaWeight: count,
  priceVersion: z.number().int(),
  price: z
    .union([
      z.object({ perUnit: moneySchema }),
      z.object({ per1kInputTokens: moneySchema, per1kOutputTokens: moneySchema }),
    ])
    .meta({
      description:
        "The price in force now for the caller's tier: after markup and the time-of-day multiplier now (volume steps apply on top, by the workspace's usage this UTC month).",
    }),
  pricing: z
    .object({
      multiplier: z
        .number()
        .meta({ description: "The time-of-day multiplier in force now (1 outside every window)." }),
      timeRule: z
        .object({ id: z.string(), version: z.number().int() })
        .nullable()
        .meta({ description: "The time-of-day rule in force now, stamped on the charges it prices." }),
      windows: z
        .array(
          z.object({
            ruleId: z.string(),
            version: z.number().int(),
            start: z.string().meta({ description: "UTC, HH:MM (inclusive)." }),
            end: z.string().meta({ description: "UTC, HH:MM (exclusive; 24:00 is midnight)." }),
            weekdays: z
              .array(z.number().int().min(0).max(6))
              .meta({ description: "0 = Sunday … 6 = Saturday; empty: every day." }),
            multiplier: z.number(),
          }),
        )
        .meta({ description: "The time-of-day windows of the schedule in force, by start." }),
      volume: z
        .object({
          ruleId: z.string(),
          version: z.number().int(),
          steps: z.array(
            z.object({
              fromUnits: z.number().int().meta({
                description: "From this many units of this model this UTC month (tokens: input + output)…",
              }),
              discountPercent: z.number().meta({ description: "…the price is this much lower." }),
            }),
          ),
        })
        .nullable(),
    })
    .nullable()
    .meta({ description: "The dynamic pricing rules of this model on the caller's tier; null when none." }),
});

export const modelsSchema = z.object({ object: z.literal("list"), data: z.array(modelSchema) });

const subscriptionStatus = z.enum(["active", "trialing", "past_due", "canceled", "incomplete"]);

export const managedWorkspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  tier: z.string(),
  accountType: z.enum(["payg", "subscription"]),
  suspended: z.boolean(),
  balance: moneySchema,
  quota: quotaSchema.nullable(),
  subscription: z
    .object({
      id: z.string(),
      tier: z.string(),
      interval: z.enum(["month", "year"]),
      status: subscriptionStatus,
      provider: z.enum(["stripe", "local", "manual"]),
      currentPeriodEnd: isoTime,
      cancelAtPeriodEnd: z.boolean(),
    })
    .nullable(),
});

export const creditAdjustmentSchema = z.object({
  workspaceId: z.string(),
  applied: z
    .boolean()
    .meta({ description: "False when this idempotencyKey was already applied; nothing changed." }),
  balance: moneySchema,
});

export const issuedKeySchema = z.object({
  id: z.string(),
  key: z.string().meta({ description: "The full key (tg_…). Shown once; store it now." }),
  prefix: z.string(),
  name: z.string(),
});

export const sessionTokenSchema = z.object({
  token: z.string().meta({
    description:
      "A customer session token (tgs_…) for the app's browser code: read-only (/me, /models, /entitlements).",
  }),
  expiresAt: isoTime.meta({ description: "When the token stops working (at most one hour)." }),
  workspaceId: z.string(),
  memberId: z
    .string()
    .nullable()
    .meta({ description: "The member the token is scoped to (its /me shows their spend cap); null: none." }),
});

const pageMeta = { total: count, page: z.number().int().min(1), pageSize: z.number().int().min(1) };

// Rows are the stored records; loose so that a column added later is not a broken promise.
export const ledgerEntrySchema = z.looseObject({
  id: z.string(),
  seq: z.number().int(),
  workspaceId: z.string(),
  kind: z.enum([
    "purchase",
    "monthly_grant",
    "rollover",
    "referral",
    "coupon",
    "admin_adjustment",
    "usage",
    "reservation_hold",
    "reservation_release",
    "refund",
    "expiry",
  ]),
  amountMillicredits: moneySchema.meta({ description: "Signed: negative for usage and deductions." }),
  balanceAfterMillicredits: moneySchema,
  reference: z.string(),
  reason: z.string().nullable(),
  actorId: z.string().nullable(),
  createdAt: isoTime,
});

export const usageEventSchema = z.looseObject({
  id: z.string(),
  workspaceId: z.string(),
  apiKeyId: z.string().nullable(),
  modelKey: z.string(),
  quantity: z.number().int().nullable(),
  inputTokens: z.number().int().nullable(),
  outputTokens: z.number().int().nullable(),
  billedTo: billedToSchema,
  markupBps: z.number().int(),
  priceVersion: z.number().int(),
  chargedMillicredits: moneySchema,
  quotaUnits: count,
  balanceAfterMillicredits: moneySchema,
  idempotencyKey: z.string().nullable(),
  reservationId: z.string().nullable(),
  metadata: z.unknown(),
  createdAt: isoTime,
});

export const ledgerPageSchema = z.object({ ...pageMeta, data: z.array(ledgerEntrySchema) });
export const usagePageSchema = z.object({ ...pageMeta, data: z.array(usageEventSchema) });

const bigintString = z.string().regex(/^\d+$/).meta({ description: "A non-negative integer as a string." });

export const publicCatalogSchema = z.object({
  tiers: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      description: z.string(),
      monthlyPriceCents: count,
      annualPriceCents: count,
      currency: z.string(),
      includedMillicredits: bigintString.meta({
        description: "Credits included each month, in millicredits.",
      }),
      dailyQuotaUnits: count,
      rateLimitPerMinute: count,
      markupBps: z
        .number()
        .int()
        .nullable()
        .meta({ description: "Markup in basis points; null: the default." }),
      rank: z.number().int(),
      mostPopular: z.boolean(),
      features: z
        .record(z.string(), z.object({ limitValue: z.number().int().nullable() }))
        .meta({ description: "The features this tier has, by key; limitValue null means unlimited." }),
      modelKeys: z.array(z.string()),
    }),
  ),
  features: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      description: z.string(),
      category: z.string(),
      kind: z.enum(["boolean", "limit"]),
      unit: z.string().nullable(),
    }),
  ),
  apps: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      description: z.string(),
      models: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          appKey: z.string(),
          unit: z.enum(["request", "image", "second", "token"]),
          costPerUnitMicros: bigintString.meta({ description: "Provider cost per unit, in micro-dollars." }),
          inputCostPer1kMicros: bigintString,
          outputCostPer1kMicros: bigintString,
          quotaWeight: count,
          free: z.boolean(),
          beta: z.boolean(),
          markupOverrideBps: z.number().int().nullable(),
          priceVersion: z.number().int(),
          requiredTier: z.string().nullable().meta({ description: "The lowest tier that has the model." }),
        }),
      ),
    }),
  ),
  packs: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      millicredits: bigintString,
      bonusMillicredits: bigintString,
      priceCents: count,
      currency: z.string(),
    }),
  ),
  defaultMarkupBps: z.number().int(),
  rolloverPercent: z.number().int().min(0).max(100),
  priceRules: z
    .array(
      z.object({
        id: z.string(),
        version: z.number().int(),
        kind: z.enum(["time_of_day", "volume"]),
        name: z.string(),
        active: z.boolean().meta({ description: "false: archived from effectiveFrom on." }),
        startMinute: z
          .number()
          .int()
          .nullable()
          .meta({ description: "Time-of-day rules: minute of the UTC day the window starts." }),
        endMinute: z
          .number()
          .int()
          .nullable()
          .meta({ description: "…and ends (exclusive; 1440 is midnight)." }),
        weekdays: z
          .array(z.number().int().min(0).max(6))
          .meta({ description: "0 = Sunday; empty: every day." }),
        multiplierBps: z.number().int().nullable().meta({ description: "Time-of-day rules: 15000 is 1.5x." }),
        steps: z
          .array(z.object({ fromUnits: z.number().int(), discountBps: z.number().int() }))
          .nullable()
          .meta({
            description:
              "Volume rules: from fromUnits units of the model this UTC month on, discountBps lower.",
          }),
        effectiveFrom: z.string().meta({ description: "ISO time this version applies from." }),
        modelKey: z
          .string()
          .nullable()
          .meta({ description: "The model it prices, or null for a tier rule." }),
        tierCode: z
          .string()
          .nullable()
          .meta({ description: "The plan tier it prices, or null for a model rule." }),
      }),
    )
    .optional()
    .meta({ description: "The dynamic pricing rules of the models and tiers on sale, every version." }),
  asOf: z.string().optional().meta({ description: "When this catalog was read (ISO)." }),
});

// Compile-time: what the shaping functions return is what the document promises.
type Conforms<Actual extends Expected, Expected> = [Actual, Expected];
type Out<S extends z.ZodType> = z.output<S>;
export type ShapingFunctionsConform = [
  Conforms<ReturnType<typeof money>, Out<typeof moneySchema>>,
  Conforms<ReturnType<typeof usageBody>, Out<typeof usageResultSchema>>,
  Conforms<ReturnType<typeof modelList>[number], Out<typeof modelSchema>>,
  Conforms<ReturnType<typeof entitlement>, Out<typeof entitlementSchema>>,
  Conforms<PublicCatalog, Out<typeof publicCatalogSchema>>,
];
