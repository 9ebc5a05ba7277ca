// The v1 API's request and response bodies as the SDK types them. They are checked against the
// schemas the OpenAPI document is generated from (test/openapi-types.test.ts in the Tollgate
// repository), so a change to the API that the SDK does not follow fails the type check.

/** Integer millicredits beside the same amount as a decimal-string of credits (1 credit = US$0.001). */
export interface Money {
  millicredits: number;
  credits: string;
}

export interface Quota {
  used: number;
  limit: number;
  resetsAt: string;
}

export type BilledTo = "quota" | "credits" | "free" | "byok";

/** One call's usage: a quantity (requests, images, seconds) or token counts. */
export interface Usage {
  quantity?: number;
  inputTokens?: number;
  outputTokens?: number;
}

export interface UsageRequest extends Usage {
  model: string;
  metadata?: Record<string, unknown>;
}

export interface UsageResult {
  id: string;
  model: string;
  billedTo: BilledTo;
  charged: Money;
  balance: Money;
  quota: Quota | null;
}

export interface BatchEvent extends UsageRequest {
  idempotencyKey?: string;
}

export type BatchItem =
  | (UsageResult & { index: number; status: 200; replayed: boolean })
  | { index: number; status: number; error: { code: string; message: string; [detail: string]: unknown } };

export interface BatchResult {
  results: BatchItem[];
}

export interface ReservationRequest extends Usage {
  model: string;
  ttlSeconds?: number;
}

export interface Reservation {
  id: string;
  model: string;
  held: Money;
  expiresAt: string;
}

export interface CommitRequest extends Usage {
  metadata?: Record<string, unknown>;
}

export interface CommitResult extends UsageResult {
  reservation: { id: string; held: Money; status: "committed" };
}

export interface ReleaseResult {
  id: string;
  status: "released";
  released: Money;
  balance: Money;
}

export interface EntitlementValue {
  allowed: boolean;
  limit: number | null;
}

export interface Entitlement extends EntitlementValue {
  feature: string;
}

export interface Me {
  workspace: { id: string; name: string };
  tier: { code: string; name: string };
  accountType: "payg" | "subscription";
  subscription: { interval: "month" | "year"; status: string; currentPeriodEnd: string } | null;
  plan: {
    tier: string;
    interval: "month" | "year";
    status: string | null;
    version: number;
    priceCents: number;
    currency: string;
    includedMillicredits: number;
    dailyQuota: number;
    rateLimitPerMinute: number;
    seats: number | null;
    currentPeriodEnd: string | null;
  };
  balance: Money;
  credits: {
    balanceMillicredits: number;
    buckets: {
      source: "included" | "rollover" | "promotional" | "adjustment" | "purchase";
      remainingMillicredits: number;
      expiresAt: string | null;
      priority: number;
    }[];
  };
  runway: { days: number | null };
  quota: Quota | null;
  rateLimit: { perMinute: number; remaining: number };
  overageEnabled: boolean;
  entitlements: Record<string, EntitlementValue>;
  autoTopUp: {
    enabled: boolean;
    thresholdMillicredits: number;
    pack: string | null;
    monthlyCapCents: number;
    pausedAt: string | null;
  };
  /** Whose calls these are in a team: the key's creator, or the member a session token names. */
  member: {
    id: string;
    /** Their own monthly spend cap in the team; null when none is set. */
    spendCap: {
      capMillicredits: number;
      spentMillicredits: number;
      remainingMillicredits: number;
      resetsAt: string;
    } | null;
  } | null;
}

export interface Model {
  /** The model key, app:model (OpenAI's model id). */
  id: string;
  object: "model";
  created: number;
  owned_by: string;
  /** chat: callable through /chat/completions; metered: charged through usage or a reservation. */
  type: "chat" | "metered";
  model: string;
  name: string;
  unit: "request" | "image" | "second" | "token";
  allowed: boolean;
  requiredTier: string | null;
  free: boolean;
  beta: boolean;
  quotaWeight: number;
  priceVersion: number;
  /** The price in force now: after markup and the time-of-day multiplier now. */
  price: { perUnit: Money } | { per1kInputTokens: Money; per1kOutputTokens: Money };
  /** The dynamic pricing rules of this model on the caller's tier; null when none. */
  pricing: ModelPricing | null;
}

/** A model's dynamic pricing schedule: time-of-day windows (UTC) and volume steps (per UTC month). */
export interface ModelPricing {
  /** The time-of-day multiplier in force now (1 outside every window). */
  multiplier: number;
  timeRule: { id: string; version: number } | null;
  windows: {
    ruleId: string;
    version: number;
    /** UTC HH:MM, inclusive. */
    start: string;
    /** UTC HH:MM, exclusive (24:00 is midnight). */
    end: string;
    /** 0 = Sunday … 6 = Saturday; empty: every day. */
    weekdays: number[];
    multiplier: number;
  }[];
  volume: {
    ruleId: string;
    version: number;
    /** From fromUnits units of the model this UTC month (tokens: input + output), discountPercent off. */
    steps: { fromUnits: number; discountPercent: number }[];
  } | null;
}

export interface ModelList {
  object: "list";
  data: Model[];
}

export interface SessionTokenRequest {
  /** 60 to 3600 seconds (default 3600). */
  ttlSeconds?: number;
  /** A member of the workspace (their user id): the token's me() then shows their own spend cap. */
  memberId?: string;
}

export interface SessionToken {
  token: string;
  expiresAt: string;
  workspaceId: string;
  /** The member the token is scoped to; null for the whole workspace. */
  memberId: string | null;
}

/** A plan as the public price list shows it (GET /api/v1/pricing). Integer amounts beyond int4 are strings. */
export interface PublicTier {
  code: string;
  name: string;
  description: string;
  monthlyPriceCents: number;
  annualPriceCents: number;
  currency: string;
  /** Credits included each month, in millicredits (a decimal string). */
  includedMillicredits: string;
  dailyQuotaUnits: number;
  rateLimitPerMinute: number;
  markupBps: number | null;
  rank: number;
  mostPopular: boolean;
  /** The features this tier has, by key; limitValue null means unlimited. */
  features: Record<string, { limitValue: number | null }>;
  modelKeys: string[];
}

export interface PublicModel {
  key: string;
  name: string;
  appKey: string;
  unit: "request" | "image" | "second" | "token";
  costPerUnitMicros: string;
  inputCostPer1kMicros: string;
  outputCostPer1kMicros: string;
  quotaWeight: number;
  free: boolean;
  beta: boolean;
  markupOverrideBps: number | null;
  priceVersion: number;
  /** The lowest tier that has the model. */
  requiredTier: string | null;
}

/** The public catalog: what the pricing page shows. */
export interface PublicCatalog {
  tiers: PublicTier[];
  features: {
    key: string;
    name: string;
    description: string;
    category: string;
    kind: "boolean" | "limit";
    unit: string | null;
  }[];
  apps: { key: string; name: string; description: string; models: PublicModel[] }[];
  packs: {
    code: string;
    name: string;
    millicredits: string;
    bonusMillicredits: string;
    priceCents: number;
    currency: string;
  }[];
  defaultMarkupBps: number;
  rolloverPercent: number;
  /** The dynamic pricing rules of the models and tiers on sale, every version. */
  priceRules?: {
    id: string;
    version: number;
    kind: "time_of_day" | "volume";
    name: string;
    /** false: archived from effectiveFrom on. */
    active: boolean;
    /** Time-of-day rules: the window's minutes of the UTC day, [start, end). */
    startMinute: number | null;
    endMinute: number | null;
    /** 0 = Sunday; empty: every day. */
    weekdays: number[];
    /** Time-of-day rules: 15000 is 1.5x. */
    multiplierBps: number | null;
    /** Volume rules: from fromUnits units of the model this UTC month on, discountBps lower. */
    steps: { fromUnits: number; discountBps: number }[] | null;
    effectiveFrom: string;
    modelKey: string | null;
    tierCode: string | null;
  }[];
  /** When this catalog was read (ISO). */
  asOf?: string;
}
