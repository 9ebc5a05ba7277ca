import { createHash, randomBytes } from "node:crypto";
import type { PoolClient } from "pg";
import { SOURCE_PRIORITY } from "@/lib/billing/buckets";
import type { DemoDataset } from "./types";

// Bulk inserts: one INSERT … SELECT FROM unnest(column arrays) per chunk of rows, in row order
// (so LedgerEntry.seq follows the dataset's time order).

type Value = string | number | boolean | bigint | Date | null;
type Cast = "text" | "int4" | "int8" | "bool" | "timestamp(3)" | "date" | { enum: string };
type Column<R> = [name: string, cast: Cast, value: (row: R) => Value];

const CHUNK = 5_000;

function param(v: Value): string | number | boolean | null {
  if (v === null) return null;
  if (typeof v === "bigint") return v.toString();
  // ISO strings end in Z; a cast to timestamp without time zone keeps the UTC wall time, as Prisma stores it.
  if (v instanceof Date) return v.toISOString();
  return v;
}

async function insertRows<R>(client: PoolClient, table: string, columns: Column<R>[], rows: readonly R[]) {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`);
  const arrays = columns
    .map(([, cast], i) => `$${i + 1}::${typeof cast === "string" ? cast : "text"}[]`)
    .join(", ");
  const selects = columns
    .map(([, cast], i) => (typeof cast === "string" ? aliases[i] : `${aliases[i]}::"${cast.enum}"`))
    .join(", ");
  const sql = `insert into "${table}" (${names}) select ${selects} from unnest(${arrays}) with ordinality as u(${aliases.join(", ")}, ord) order by ord`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await client.query(
      sql,
      columns.map(([, , value]) => chunk.map((row) => param(value(row)))),
    );
  }
}

const e = (name: string) => ({ enum: name });

/** A workspace key nobody knows: the secret is random, used only for its hash, and never kept or shown. */
function unusableKey() {
  const key = `tg_${randomBytes(24).toString("base64url")}`;
  return { prefix: key.slice(0, 10), keyHash: createHash("sha256").update(key).digest("hex") };
}

export async function insertDataset(client: PoolClient, d: DemoDataset) {
  await insertRows(
    client,
    "User",
    [
      ["id", "text", (r) => r.id],
      ["email", "text", (r) => r.email],
      ["name", "text", (r) => r.name],
      ["emailVerifiedAt", "timestamp(3)", (r) => r.emailVerifiedAt],
      ["referralCode", "text", (r) => r.referralCode],
      ["referredById", "text", (r) => r.referredById],
      ["referralRewardedAt", "timestamp(3)", (r) => r.referralRewardedAt],
      ["createdAt", "timestamp(3)", (r) => r.createdAt],
      ["updatedAt", "timestamp(3)", (r) => r.updatedAt],
    ],
    d.users,
  );
  await insertRows(
    client,
    "Workspace",
    [
      ["id", "text", (r) => r.id],
      ["name", "text", (r) => r.name],
      ["slug", "text", (r) => r.slug],
      ["personal", "bool", (r) => r.personal],
      ["accountType", e("AccountType"), (r) => r.accountType],
      ["balanceMillicredits", "int8", (r) => r.balanceMillicredits],
      ["overageEnabled", "bool", (r) => r.overageEnabled],
      ["createdAt", "timestamp(3)", (r) => r.createdAt],
      ["updatedAt", "timestamp(3)", (r) => r.updatedAt],
    ],
    d.workspaces,
  );
  await insertRows(
    client,
    "Membership",
    [
      ["id", "text", (r) => r.id],
      ["userId", "text", (r) => r.userId],
      ["workspaceId", "text", (r) => r.workspaceId],
      ["role", e("MemberRole"), (r) => r.role],
      ["createdAt", "timestamp(3)", (r) => r.createdAt],
    ],
    d.memberships,
  );
  await insertRows(
    client,
    "ApiKey",
    [
      ["id", "text", (r) => r.id],
      ["workspaceId", "text", (r) => r.workspaceId],
      ["name", "text", (r) => r.name],
      ["prefix", "text", (r) => r.prefix],
      ["keyHash", "text", (r) => r.keyHash],
      ["createdById", "text", (r) => r.createdById],
      ["lastUsedAt", "timestamp(3)", (r) => r.lastUsedAt],
      ["createdAt", "timestamp(3)", (r) => r.createdAt],
    ],
    d.apiKeys.map((k) => ({ ...k, ...unusableKey() })),
  );
  await insertRows(
    client,
    "Coupon",
    [
      ["id", "text", (r) => r.id],
      ["code", "text", (r) => r.code],
      ["kind", e("CouponKind"), (r) => r.kind],
      ["millicredits", "int8", (r) => r.millicredits],
      ["percentOff", "int4", (r) => r.percentOff],
      ["redemptionCount", "int4", (r) => r.redemptionCount],
      ["createdAt", "timestamp(3)", (r) => r.createdAt],
      ["updatedAt", "timestamp(3)", (r) => r.createdAt],
    ],
    d.coupons,
  );
  await insertRows(
    client,
    "CouponRedemption",
    [
      ["id", "text", (r) => r.id],
      ["couponId", "text", (r) => r.couponId],
      ["workspaceId", "text", (r) => r.workspaceId],
      ["userId", "text", (r) => r.userId],
      ["createdAt", "timestamp(3)", (r) => r.createdAt],
    ],
    d.couponRedemptions,
  );
  await insertRows(
    client,
    "CheckoutSession",
    [
      ["id", "text", (r) => r.id],
      ["workspaceId", "text", (r) => r.workspaceId],
      ["userId", "text", (r) => r.userId],
      ["kind", e("CheckoutKind"), (r) => r.kind],
      ["provider", e("PaymentProviderKind"), () => "local"],
      ["creditPackId", "text", (r) => r.creditPackId],
      ["tierId", "text", (r) => r.tierId],
      ["interval", e("BillingInterval"), (r) => r.interval],
      ["amountCents", "int4", (r) => r.amountCents],
      ["currency", "text", (r) => r.currency],
      ["status", e("CheckoutStatus"), () => "complete"],
      ["couponId", "text", (r) => r.couponId],
      ["discountCents", "int4", (r) => r.discountCents],
      ["createdAt", "timestamp(3)", (r) => r.createdAt],
      ["completedAt", "timestamp(3)", (r) => r.completedAt],
    ],
    d.checkoutSessions,
  );
  await insertRows(
    client,
    "Subscription",
    [
      ["id", "text", (r) => r.id],
      ["workspaceId", "text", (r) => r.workspaceId],
      ["tierId", "text", (r) => r.tierId],
      ["interval", e("BillingInterval"), (r) => r.interval],
      ["status", e("SubscriptionStatus"), (r) => r.status],
      ["currentPeriodStart", "timestamp(3)", (r) => r.currentPeriodStart],
      ["currentPeriodEnd", "timestamp(3)", (r) => r.currentPeriodEnd],
      ["cancelAtPeriodEnd", "bool", (r) => r.cancelAtPeriodEnd],
      ["scheduledTierId", "text", (r) => r.scheduledTierId],
      ["scheduledInterval", e("BillingInterval"), (r) => r.scheduledInterval],
      ["pastDueAt", "timestamp(3)", (r) => r.pastDueAt],
      ["provider", e("PaymentProviderKind"), (r) => r.provider],
      ["providerSubscriptionId", "text", (r) => r.providerSubscriptionId],
      ["lastProviderEventAt", "timestamp(3)", (r) => r.lastProviderEventAt],
      ["tierChangedAt", "timestamp(3)", (r) => r.tierChangedAt],
      ["canceledAt", "timestamp(3)", (r) => r.canceledAt],
      ["createdAt", "timestamp(3)", (r) => r.createdAt],
      ["updatedAt", "timestamp(3)", (r) => r.updatedAt],
    ],
    d.subscriptions,
  );
  await insertRows(
    client,
    "Payment",
    [
      ["id", "text", (r) => r.id],
      ["workspaceId", "text", (r) => r.workspaceId],
      ["provider", e("PaymentProviderKind"), () => "local"],
      ["kind", e("PaymentKind"), (r) => r.kind],
      ["description", "text", (r) => r.description],
      ["checkoutSessionId", "text", (r) => r.checkoutSessionId],
      ["providerInvoiceId", "text", (r) => r.providerInvoiceId],
      ["providerChargeId", "text", (r) => r.providerChargeId],
      ["amountCents", "int4", (r) => r.amountCents],
      ["refundedCents", "int4", (r) => r.refundedCents],
      ["currency", "text", (r) => r.currency],
      ["status", e("PaymentStatus"), (r) => r.status],
      ["millicredits", "int8", (r) => r.millicredits],
      ["discountCents", "int4", (r) => r.discountCents],
      ["periodStart", "timestamp(3)", (r) => r.periodStart],
      ["periodEnd", "timestamp(3)", (r) => r.periodEnd],
      ["createdAt", "timestamp(3)", (r) => r.createdAt],
    ],
    d.payments,
  );
  await insertRows(
    client,
    "PaymentMethod",
    [
      ["workspaceId", "text", (r) => r.workspaceId],
      ["brand", "text", (r) => r.brand],
      ["last4", "text", (r) => r.last4],
      ["expMonth", "int4", (r) => r.expMonth],
      ["expYear", "int4", (r) => r.expYear],
      ["updatedAt", "timestamp(3)", (r) => r.updatedAt],
    ],
    d.paymentMethods,
  );
  await insertRows(
    client,
    "LedgerEntry",
    [
      ["id", "text", (r) => r.id],
      ["workspaceId", "text", (r) => r.workspaceId],
      ["kind", e("LedgerKind"), (r) => r.kind],
      ["amountMillicredits", "int8", (r) => r.amountMillicredits],
      ["balanceAfterMillicredits", "int8", (r) => r.balanceAfterMillicredits],
      ["reference", "text", (r) => r.reference],
      ["reason", "text", (r) => r.reason],
      ["actorId", "text", (r) => r.actorId],
      ["createdAt", "timestamp(3)", (r) => r.createdAt],
    ],
    d.ledgerEntries,
  );
  // What tollgate_ledger_entry writes beside every entry but usage ones: the reference's
  // uniqueness across the ledger's monthly partitions (a demo grant is not granted again).
  await insertRows(
    client,
    "LedgerReference",
    [
      ["workspaceId", "text", (r) => r.workspaceId],
      ["kind", e("LedgerKind"), (r) => r.kind],
      ["reference", "text", (r) => r.reference],
      ["entryId", "text", (r) => r.id],
      ["createdAt", "timestamp(3)", (r) => r.createdAt],
    ],
    d.ledgerEntries.filter((r) => r.kind !== "usage"),
  );
  await insertRows(
    client,
    "UsageEvent",
    [
      ["id", "text", (r) => r.id],
      ["workspaceId", "text", (r) => r.workspaceId],
      ["apiKeyId", "text", (r) => r.apiKeyId],
      ["modelId", "text", (r) => r.modelId],
      ["modelKey", "text", (r) => r.modelKey],
      ["quantity", "int8", (r) => r.quantity],
      ["inputTokens", "int8", (r) => r.inputTokens],
      ["outputTokens", "int8", (r) => r.outputTokens],
      ["billedTo", e("BilledTo"), (r) => r.billedTo],
      ["markupBps", "int4", (r) => r.markupBps],
      ["priceVersion", "int4", (r) => r.priceVersion],
      ["providerCostMicros", "int8", (r) => r.providerCostMicros],
      ["chargedMillicredits", "int8", (r) => r.chargedMillicredits],
      ["quotaUnits", "int4", (r) => r.quotaUnits],
      ["balanceAfterMillicredits", "int8", (r) => r.balanceAfterMillicredits],
      ["quotaUsedAfter", "int4", (r) => r.quotaUsedAfter],
      ["quotaLimit", "int4", (r) => r.quotaLimit],
      ["createdAt", "timestamp(3)", (r) => r.createdAt],
    ],
    d.usageEvents,
  );
  await insertRows(
    client,
    "QuotaCounter",
    [
      ["workspaceId", "text", (r) => r.workspaceId],
      ["day", "date", (r) => r.day],
      ["used", "int4", (r) => r.used],
    ],
    d.quotaCounters,
  );
  // The simulated history moves balances, not buckets: each demo workspace's balance at the end
  // becomes one bucket of purchased credits (never expiring), so balance = sum of buckets holds.
  await client.query(
    `insert into "CreditBucket" ("id", "workspaceId", "source", "priority", "grantedMillicredits", "remainingMillicredits",
                                 "ledgerKind", "reference", "createdAt")
     select 'cb_' || w.id, w.id, 'purchase', $1, w."balanceMillicredits", w."balanceMillicredits", 'purchase', 'demo-balance', w."createdAt"
       from unnest($2::text[]) as d(id) join "Workspace" w on w.id = d.id
      where w."balanceMillicredits" > 0`,
    [SOURCE_PRIORITY.purchase, d.workspaces.map((w) => w.id)],
  );
}
