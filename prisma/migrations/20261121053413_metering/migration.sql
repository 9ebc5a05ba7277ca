-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('purchase', 'monthly_grant', 'rollover', 'referral', 'coupon', 'admin_adjustment', 'usage', 'reservation_hold', 'reservation_release', 'refund', 'expiry');

-- CreateEnum
CREATE TYPE "BilledTo" AS ENUM ('quota', 'credits', 'free', 'byok');

-- CreateEnum
CREATE TYPE "ReservationStatus" AS ENUM ('held', 'committed', 'released', 'expired');

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "balanceMillicredits" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "overageEnabled" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" TEXT,
    "expiresAt" TIMESTAMP(3),
    "monthlySpendCapMillicredits" BIGINT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "amountMillicredits" BIGINT NOT NULL,
    "balanceAfterMillicredits" BIGINT NOT NULL,
    "reference" TEXT NOT NULL,
    "reason" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageEvent" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "apiKeyId" TEXT,
    "modelId" TEXT NOT NULL,
    "modelKey" TEXT NOT NULL,
    "quantity" BIGINT,
    "inputTokens" BIGINT,
    "outputTokens" BIGINT,
    "billedTo" "BilledTo" NOT NULL,
    "markupBps" INTEGER NOT NULL,
    "priceVersion" INTEGER NOT NULL,
    "providerCostMicros" BIGINT NOT NULL,
    "chargedMillicredits" BIGINT NOT NULL,
    "quotaUnits" INTEGER NOT NULL,
    "balanceAfterMillicredits" BIGINT NOT NULL,
    "quotaUsedAfter" INTEGER,
    "quotaLimit" INTEGER,
    "idempotencyKey" TEXT,
    "requestHash" TEXT,
    "reservationId" TEXT,
    "metadata" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuotaCounter" (
    "workspaceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "QuotaCounter_pkey" PRIMARY KEY ("workspaceId","day")
);

-- CreateTable
CREATE TABLE "ApiKeySpend" (
    "apiKeyId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "millicredits" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ApiKeySpend_pkey" PRIMARY KEY ("apiKeyId","month")
);

-- CreateTable
CREATE TABLE "Reservation" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "apiKeyId" TEXT,
    "modelId" TEXT NOT NULL,
    "modelKey" TEXT NOT NULL,
    "heldMillicredits" BIGINT NOT NULL,
    "status" "ReservationStatus" NOT NULL DEFAULT 'held',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usageEventId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "Reservation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_workspaceId_idx" ON "ApiKey"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "AdminApiKey_keyHash_key" ON "AdminApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "LedgerEntry_workspaceId_createdAt_idx" ON "LedgerEntry"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_workspaceId_kind_reference_key" ON "LedgerEntry"("workspaceId", "kind", "reference");

-- CreateIndex
CREATE INDEX "UsageEvent_workspaceId_createdAt_idx" ON "UsageEvent"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "UsageEvent_apiKeyId_createdAt_idx" ON "UsageEvent"("apiKeyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "UsageEvent_workspaceId_idempotencyKey_key" ON "UsageEvent"("workspaceId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Reservation_status_expiresAt_idx" ON "Reservation"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Reservation_workspaceId_idx" ON "Reservation"("workspaceId");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageEvent" ADD CONSTRAINT "UsageEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The balance can never go below zero, whatever the code does.
ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_balance_nonnegative" CHECK ("balanceMillicredits" >= 0);
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_hold_nonnegative" CHECK ("heldMillicredits" >= 0);

-- One call's charge: idempotency, daily quota (or overage to credits), spend cap, wallet debit,
-- usage event and ledger entry, all in one statement. Row locks last only as long as this
-- function runs, and no round trip to the application happens while they are held.
CREATE OR REPLACE FUNCTION tollgate_charge_usage(
  p_event_id text, p_workspace_id text, p_api_key_id text, p_model_id text, p_model_key text,
  p_quantity bigint, p_input_tokens bigint, p_output_tokens bigint,
  p_mode text, p_charge bigint, p_markup_bps int, p_price_version int, p_provider_cost bigint,
  p_quota_units int, p_quota_limit int, p_day date, p_overage boolean,
  p_cap bigint, p_month date,
  p_idempotency_key text, p_request_hash text, p_metadata jsonb
) RETURNS TABLE(outcome text, event_id text, billed_to text, charged bigint, balance bigint, quota_used int)
LANGUAGE plpgsql AS $$
DECLARE
  v_existing "UsageEvent"%ROWTYPE;
  v_balance bigint;
  v_used int;
  v_billed text := p_mode;
  v_charge bigint := 0;
  v_units int := 0;
BEGIN
  IF p_idempotency_key IS NOT NULL THEN
    -- Concurrent requests with one key queue here: the first charges, the rest replay it.
    PERFORM pg_advisory_xact_lock(hashtextextended(p_workspace_id || ':' || p_idempotency_key, 0));
    SELECT * INTO v_existing FROM "UsageEvent" e WHERE e."workspaceId" = p_workspace_id AND e."idempotencyKey" = p_idempotency_key;
    IF FOUND THEN
      IF v_existing."requestHash" IS DISTINCT FROM p_request_hash THEN
        RETURN QUERY SELECT 'idempotency_conflict'::text, v_existing.id, NULL::text, NULL::bigint, NULL::bigint, NULL::int;
      ELSE
        RETURN QUERY SELECT 'replay'::text, v_existing.id, v_existing."billedTo"::text, v_existing."chargedMillicredits", v_existing."balanceAfterMillicredits", v_existing."quotaUsedAfter";
      END IF;
      RETURN;
    END IF;
  END IF;

  IF p_mode = 'quota' THEN
    INSERT INTO "QuotaCounter" AS q ("workspaceId", "day", "used")
      SELECT p_workspace_id, p_day, p_quota_units WHERE p_quota_units <= p_quota_limit
    ON CONFLICT ("workspaceId", "day") DO UPDATE SET "used" = q."used" + EXCLUDED."used"
      WHERE q."used" + EXCLUDED."used" <= p_quota_limit
    RETURNING q."used" INTO v_used;
    IF FOUND THEN
      v_units := p_quota_units;
    ELSE
      SELECT c."used" INTO v_used FROM "QuotaCounter" c WHERE c."workspaceId" = p_workspace_id AND c."day" = p_day;
      v_used := coalesce(v_used, 0);
      IF NOT p_overage THEN
        RETURN QUERY SELECT 'quota_exceeded'::text, NULL::text, NULL::text, NULL::bigint, NULL::bigint, v_used;
        RETURN;
      END IF;
      v_billed := 'credits';
    END IF;
  END IF;

  IF v_billed = 'credits' AND p_charge > 0 THEN
    IF p_cap IS NOT NULL THEN
      INSERT INTO "ApiKeySpend" AS s ("apiKeyId", "month", "millicredits")
        SELECT p_api_key_id, p_month, p_charge WHERE p_charge <= p_cap
      ON CONFLICT ("apiKeyId", "month") DO UPDATE SET "millicredits" = s."millicredits" + EXCLUDED."millicredits"
        WHERE s."millicredits" + EXCLUDED."millicredits" <= p_cap;
      IF NOT FOUND THEN
        SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id;
        RETURN QUERY SELECT 'spend_cap_reached'::text, NULL::text, NULL::text, NULL::bigint, v_balance, v_used;
        RETURN;
      END IF;
    END IF;
    UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" - p_charge
      WHERE w.id = p_workspace_id AND w."balanceMillicredits" >= p_charge
      RETURNING w."balanceMillicredits" INTO v_balance;
    IF NOT FOUND THEN
      IF p_cap IS NOT NULL THEN -- give back the spend counted above (same transaction)
        UPDATE "ApiKeySpend" s SET "millicredits" = s."millicredits" - p_charge WHERE s."apiKeyId" = p_api_key_id AND s."month" = p_month;
      END IF;
      SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id;
      RETURN QUERY SELECT 'insufficient_credits'::text, NULL::text, NULL::text, NULL::bigint, v_balance, v_used;
      RETURN;
    END IF;
    v_charge := p_charge;
  ELSE
    SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id;
  END IF;

  INSERT INTO "UsageEvent" ("id", "workspaceId", "apiKeyId", "modelId", "modelKey", "quantity", "inputTokens", "outputTokens",
    "billedTo", "markupBps", "priceVersion", "providerCostMicros", "chargedMillicredits", "quotaUnits",
    "balanceAfterMillicredits", "quotaUsedAfter", "quotaLimit", "idempotencyKey", "requestHash", "metadata", "createdAt")
  VALUES (p_event_id, p_workspace_id, p_api_key_id, p_model_id, p_model_key, p_quantity, p_input_tokens, p_output_tokens,
    v_billed::"BilledTo", CASE WHEN v_billed = 'credits' THEN p_markup_bps ELSE 0 END, p_price_version, p_provider_cost, v_charge, v_units,
    v_balance, v_used, p_quota_limit, p_idempotency_key, p_request_hash, p_metadata, timezone('UTC', now()));
  IF v_charge > 0 THEN
    INSERT INTO "LedgerEntry" ("id", "workspaceId", "kind", "amountMillicredits", "balanceAfterMillicredits", "reference", "createdAt")
    VALUES ('le_' || p_event_id, p_workspace_id, 'usage', -v_charge, v_balance, 'usage:' || p_event_id, timezone('UTC', now()));
  END IF;
  RETURN QUERY SELECT 'ok'::text, p_event_id, v_billed, v_charge, v_balance, v_used;
END;
$$;
