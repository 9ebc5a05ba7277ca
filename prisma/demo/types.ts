import type {
  BilledTo,
  BillingInterval,
  CheckoutKind,
  LedgerKind,
  MemberRole,
  PaymentKind,
  PaymentProviderKind,
  PaymentStatus,
  SubscriptionStatus,
} from "@/lib/db";
import type { PricedModel } from "@/lib/catalog/pricing";

// The demo dataset, row by row, as plain values: built in memory by a pure generator, then
// inserted in bulk. Column names match prisma/schema.prisma.

export type DemoOptions = {
  /** The end of the 90 days of history (exclusive). Default: today's UTC midnight. */
  anchor?: Date;
  /** How many workspaces (personal and team). Default 400. */
  workspaces?: number;
  /** PRNG seed. Default DEFAULT_DEMO_SEED. */
  seed?: number;
  /** Price the history with the starting catalog's models and packs only. Default false. */
  seededCatalogOnly?: boolean;
};

export type DemoTier = {
  id: string;
  code: string;
  name: string;
  rank: number;
  monthlyPriceCents: number;
  annualPriceCents: number;
  currency: string;
  includedMillicredits: bigint;
  dailyQuotaUnits: number;
  markupBps: number | null;
};

export type DemoModel = PricedModel & {
  id: string;
  key: string;
  appKey: string;
  quotaWeight: number;
  tierIds: readonly string[];
};

export type DemoPack = {
  id: string;
  code: string;
  name: string;
  millicredits: bigint;
  bonusMillicredits: bigint;
  priceCents: number;
  currency: string;
};

export type DemoCatalog = {
  /** The default (free) tier pay-as-you-go workspaces use. */
  freeTier: DemoTier;
  /** Paid public tiers, lowest rank first. */
  paidTiers: DemoTier[];
  /** Enabled models. */
  models: DemoModel[];
  /** Active credit packs, cheapest first. */
  packs: DemoPack[];
  settings: {
    defaultMarkupBps: number;
    rolloverPercent: number;
    paymentGraceDays: number;
    referralReferrerMillicredits: bigint;
    referralNewUserMillicredits: bigint;
  };
  /** The admin who made the demo's manual credit adjustments (null: none). */
  adminId: string | null;
};

export type UserRow = {
  id: string;
  email: string;
  name: string;
  emailVerifiedAt: Date | null;
  referralCode: string;
  referredById: string | null;
  referralRewardedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type WorkspaceRow = {
  id: string;
  name: string;
  slug: string;
  personal: boolean;
  accountType: "payg" | "subscription";
  balanceMillicredits: bigint;
  overageEnabled: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type MembershipRow = {
  id: string;
  userId: string;
  workspaceId: string;
  role: MemberRole;
  createdAt: Date;
};

/** The key's secret (and so its prefix and hash) is made at insert time and never kept. */
export type ApiKeyRow = {
  id: string;
  workspaceId: string;
  name: string;
  createdById: string;
  lastUsedAt: Date | null;
  createdAt: Date;
};

export type SubscriptionRow = {
  id: string;
  workspaceId: string;
  tierId: string;
  interval: BillingInterval;
  status: SubscriptionStatus;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  scheduledTierId: string | null;
  scheduledInterval: BillingInterval | null;
  pastDueAt: Date | null;
  provider: PaymentProviderKind;
  providerSubscriptionId: string | null;
  lastProviderEventAt: Date | null;
  tierChangedAt: Date | null;
  canceledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type CheckoutRow = {
  id: string;
  workspaceId: string;
  userId: string;
  kind: CheckoutKind;
  creditPackId: string | null;
  tierId: string | null;
  interval: BillingInterval | null;
  amountCents: number;
  currency: string;
  couponId: string | null;
  discountCents: number;
  createdAt: Date;
  completedAt: Date;
};

export type PaymentRow = {
  id: string;
  workspaceId: string;
  kind: PaymentKind;
  description: string;
  checkoutSessionId: string | null;
  providerInvoiceId: string | null;
  providerChargeId: string;
  amountCents: number;
  refundedCents: number;
  currency: string;
  status: PaymentStatus;
  millicredits: bigint;
  discountCents: number;
  periodStart: Date | null;
  periodEnd: Date | null;
  createdAt: Date;
};

export type PaymentMethodRow = {
  workspaceId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  updatedAt: Date;
};

export type CouponRow = {
  id: string;
  code: string;
  kind: "credits" | "percent_off";
  millicredits: bigint;
  percentOff: number;
  redemptionCount: number;
  createdAt: Date;
};

export type CouponRedemptionRow = {
  id: string;
  couponId: string;
  workspaceId: string;
  userId: string;
  createdAt: Date;
};

export type LedgerRow = {
  id: string;
  workspaceId: string;
  kind: LedgerKind;
  amountMillicredits: bigint;
  balanceAfterMillicredits: bigint;
  reference: string;
  reason: string | null;
  actorId: string | null;
  createdAt: Date;
};

export type UsageRow = {
  id: string;
  workspaceId: string;
  apiKeyId: string;
  modelId: string;
  modelKey: string;
  quantity: bigint | null;
  inputTokens: bigint | null;
  outputTokens: bigint | null;
  billedTo: BilledTo;
  markupBps: number;
  priceVersion: number;
  providerCostMicros: bigint;
  chargedMillicredits: bigint;
  quotaUnits: number;
  balanceAfterMillicredits: bigint;
  quotaUsedAfter: number | null;
  quotaLimit: number | null;
  createdAt: Date;
};

/** `day` as YYYY-MM-DD (a UTC day). */
export type QuotaRow = { workspaceId: string; day: string; used: number };

export type DemoDataset = {
  anchor: Date;
  users: UserRow[];
  workspaces: WorkspaceRow[];
  memberships: MembershipRow[];
  apiKeys: ApiKeyRow[];
  coupons: CouponRow[];
  couponRedemptions: CouponRedemptionRow[];
  checkoutSessions: CheckoutRow[];
  subscriptions: SubscriptionRow[];
  payments: PaymentRow[];
  paymentMethods: PaymentMethodRow[];
  /** Ordered by time (then workspace and append order): insert in this order so seq follows time. */
  ledgerEntries: LedgerRow[];
  usageEvents: UsageRow[];
  quotaCounters: QuotaRow[];
};

export type DemoSummary = {
  users: number;
  workspaces: number;
  subscriptions: number;
  payments: number;
  usageEvents: number;
  ledgerEntries: number;
  skipped: boolean;
};
