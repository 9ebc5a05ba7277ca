-- CreateEnum
CREATE TYPE "PriceRuleKind" AS ENUM ('time_of_day', 'volume');

-- AlterTable
ALTER TABLE "UsageEvent" ADD COLUMN     "timeRuleId" TEXT,
ADD COLUMN     "timeRuleVersion" INTEGER,
ADD COLUMN     "volumeRuleId" TEXT,
ADD COLUMN     "volumeRuleVersion" INTEGER;

-- CreateTable
CREATE TABLE "VolumeUsage" (
    "workspaceId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "units" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "VolumeUsage_pkey" PRIMARY KEY ("workspaceId","month")
);

-- CreateTable
CREATE TABLE "PriceRule" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" "PriceRuleKind" NOT NULL,
    "name" TEXT NOT NULL,
    "modelId" TEXT,
    "tierId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "startMinute" INTEGER,
    "endMinute" INTEGER,
    "weekdays" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "multiplierBps" INTEGER,
    "steps" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "PriceRule_pkey" PRIMARY KEY ("id","version")
);

-- CreateIndex
CREATE INDEX "PriceRule_modelId_idx" ON "PriceRule"("modelId");

-- CreateIndex
CREATE INDEX "PriceRule_tierId_idx" ON "PriceRule"("tierId");

-- Functions from prisma/sql (written by npm run db:migration; edit those files, not this one).

DROP FUNCTION IF EXISTS tollgate_charge_usage(text,text,text,text,text,bigint,bigint,bigint,text,bigint,integer,integer,bigint,integer,integer,date,boolean,bigint,date,text,text,jsonb,text,bigint);

DROP FUNCTION IF EXISTS tollgate_commit_reservation(text,text,text,bigint,bigint,bigint,bigint,integer,integer,bigint,jsonb);

-- One call's charge: idempotency, daily quota (or overage to credits), key and member spend caps,
-- wallet debit, usage event and ledger entry, all in one statement. Row locks last only as long as
-- this function runs, and no round trip to the application happens while they are held.
-- Outcomes: 'ok', 'replay' (an Idempotency-Key seen before with this body), 'idempotency_conflict'
-- (seen with another body), 'quota_exceeded', 'spend_cap_reached' (the key's cap),
-- 'member_spend_cap_reached' (the member's), 'insufficient_credits'.
-- p_rules (NULL when no dynamic pricing rule applies) names the rules in force, stamped on the event:
-- {timeRuleId, timeRuleVersion} (p_charge already carries its multiplier), and {volumeRuleId,
-- volumeRuleVersion, volumeUnits, steps}: the call's units are counted into the month-to-date usage
-- (tollgate_count_volume) and the charge is priced by the steps (tollgate_volume_price). A batch
-- passes {lockVolume: true} to its first call when a later one has a volume rule (lock order).
-- The application calls it with named arguments (lib/metering/sql.ts), so their order is free.
create or replace function tollgate_charge_usage(
  p_event_id text, p_workspace_id text, p_api_key_id text, p_model_id text, p_model_key text,
  p_quantity bigint, p_input_tokens bigint, p_output_tokens bigint,
  p_mode text, p_charge bigint, p_markup_bps int, p_price_version int, p_provider_cost bigint,
  p_quota_units int, p_quota_limit int, p_day date, p_overage boolean,
  p_cap bigint, p_month date,
  p_idempotency_key text, p_request_hash text, p_metadata jsonb,
  p_member_id text DEFAULT NULL, p_member_cap bigint DEFAULT NULL, p_rules jsonb DEFAULT NULL
) RETURNS TABLE(outcome text, event_id text, billed_to text, charged bigint, balance bigint, quota_used int)
LANGUAGE plpgsql AS $$
DECLARE
  v_existing "UsageEvent"%ROWTYPE;
  v_outcome text;
  v_balance bigint;
  v_used int;
  v_billed text := p_mode;
  v_charge bigint := 0;
  v_units int := 0;
  v_price bigint := p_charge;
  v_volume bigint := 0;
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

  IF p_rules IS NOT NULL THEN
    IF p_rules ? 'steps' THEN
      v_volume := (p_rules->>'volumeUnits')::bigint;
      v_price := tollgate_volume_price(p_charge, tollgate_count_volume(p_workspace_id, p_month, p_model_id, v_volume), v_volume, p_rules->'steps');
    ELSIF p_rules ? 'lockVolume' THEN
      PERFORM tollgate_count_volume(p_workspace_id, p_month, NULL, 0);
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
        IF v_volume <> 0 THEN
          PERFORM tollgate_uncount_volume(p_workspace_id, p_month, p_model_id, v_volume);
        END IF;
        RETURN QUERY SELECT 'quota_exceeded'::text, NULL::text, NULL::text, NULL::bigint, NULL::bigint, v_used;
        RETURN;
      END IF;
      v_billed := 'credits';
    END IF;
  END IF;

  IF v_billed = 'credits' AND v_price > 0 THEN
    SELECT d.outcome, d.balance INTO v_outcome, v_balance
      FROM tollgate_debit(p_workspace_id, p_api_key_id, p_member_id, p_month, v_price, p_cap, p_member_cap) d;
    IF v_outcome <> 'ok' THEN
      IF v_volume <> 0 THEN
        PERFORM tollgate_uncount_volume(p_workspace_id, p_month, p_model_id, v_volume);
      END IF;
      -- charged: what the call would have cost (the refusal's "needed").
      RETURN QUERY SELECT v_outcome, NULL::text, NULL::text, v_price, v_balance, v_used;
      RETURN;
    END IF;
    v_charge := v_price;
  ELSE
    SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id;
  END IF;

  INSERT INTO "UsageEvent" ("id", "workspaceId", "apiKeyId", "modelId", "modelKey", "quantity", "inputTokens", "outputTokens",
    "billedTo", "markupBps", "priceVersion", "providerCostMicros", "chargedMillicredits", "quotaUnits",
    "balanceAfterMillicredits", "quotaUsedAfter", "quotaLimit", "idempotencyKey", "requestHash", "metadata", "createdAt",
    "timeRuleId", "timeRuleVersion", "volumeRuleId", "volumeRuleVersion")
  VALUES (p_event_id, p_workspace_id, p_api_key_id, p_model_id, p_model_key, p_quantity, p_input_tokens, p_output_tokens,
    v_billed::"BilledTo", CASE WHEN v_billed = 'credits' THEN p_markup_bps ELSE 0 END, p_price_version, p_provider_cost, v_charge, v_units,
    v_balance, v_used, p_quota_limit, p_idempotency_key, p_request_hash, p_metadata, timezone('UTC', now()),
    p_rules->>'timeRuleId', (p_rules->>'timeRuleVersion')::int, p_rules->>'volumeRuleId', (p_rules->>'volumeRuleVersion')::int);
  IF v_charge > 0 THEN
    PERFORM tollgate_ledger_entry('le_' || p_event_id, p_workspace_id, 'usage', -v_charge, v_balance, 'usage:' || p_event_id);
  END IF;
  RETURN QUERY SELECT 'ok'::text, p_event_id, v_billed, v_charge, v_balance, v_used;
END;
$$;

-- Settles a hold with the real cost: the hold comes back to the buckets it was drawn from, the
-- actual charge goes out of the buckets in drawing order, and the usage event is written. A cost above the hold is charged as far as the balance allows (the rest
-- is recorded as uncollected on the event), since the work has already been done — and, for the
-- same reason, counted against the caps even past them. The spend counters move before the
-- workspace row is locked (the lock order of every charge), then shed what was not collected.
-- p_rules: the dynamic pricing rules in force at commit, as for tollgate_charge_usage (a volume
-- rule counts the committed units into the month-to-date usage and prices p_charge by its steps).
-- Outcomes: 'ok', 'not_found', 'expired' (released now), 'already_<status>'.
create or replace function tollgate_commit_reservation(
  p_id text, p_workspace_id text, p_event_id text,
  p_quantity bigint, p_input_tokens bigint, p_output_tokens bigint,
  p_charge bigint, p_markup_bps int, p_price_version int, p_provider_cost bigint, p_metadata jsonb,
  p_rules jsonb DEFAULT NULL
) RETURNS TABLE(outcome text, held bigint, charged bigint, balance bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_res "Reservation"%ROWTYPE;
  v_balance bigint;
  v_charge bigint;
  v_price bigint := p_charge;
  v_month date := date_trunc('month', timezone('UTC', now()))::date;
BEGIN
  SELECT * INTO v_res FROM "Reservation" r WHERE r.id = p_id AND r."workspaceId" = p_workspace_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'not_found'::text, NULL::bigint, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  IF v_res.status <> 'held' THEN
    RETURN QUERY SELECT ('already_' || v_res.status::text), v_res."heldMillicredits", NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  IF v_res."expiresAt" <= timezone('UTC', now()) THEN
    PERFORM tollgate_release_reservation(p_id, p_workspace_id, 'expired');
    RETURN QUERY SELECT 'expired'::text, v_res."heldMillicredits", NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  IF p_rules ? 'steps' THEN
    v_price := tollgate_volume_price(p_charge,
      tollgate_count_volume(p_workspace_id, v_month, v_res."modelId", (p_rules->>'volumeUnits')::bigint),
      (p_rules->>'volumeUnits')::bigint, p_rules->'steps');
  END IF;
  PERFORM tollgate_adjust_reservation_spend(v_res, v_price - v_res."heldMillicredits");
  SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id FOR UPDATE;
  IF EXISTS (SELECT 1 FROM "Workspace" w WHERE w.id = p_workspace_id AND w."creditsExpireAt" <= timezone('UTC', now())) THEN
    v_balance := tollgate_expire_credits(p_workspace_id);
  END IF;
  v_charge := least(v_price, v_balance + v_res."heldMillicredits");
  IF v_charge < v_price THEN
    PERFORM tollgate_adjust_reservation_spend(v_res, v_charge - v_price);
  END IF;
  v_balance := v_balance + v_res."heldMillicredits";
  PERFORM tollgate_ledger_entry('le_release_' || p_id, p_workspace_id, 'reservation_release', v_res."heldMillicredits", v_balance, 'release:' || p_id);
  v_balance := v_balance - v_charge;
  UPDATE "Workspace" w SET "balanceMillicredits" = v_balance WHERE w.id = p_workspace_id;
  PERFORM tollgate_return_credits(p_workspace_id, v_res.draws);
  PERFORM tollgate_draw_credits(p_workspace_id, v_charge);
  INSERT INTO "UsageEvent" ("id", "workspaceId", "apiKeyId", "modelId", "modelKey", "quantity", "inputTokens", "outputTokens",
    "billedTo", "markupBps", "priceVersion", "providerCostMicros", "chargedMillicredits", "quotaUnits",
    "balanceAfterMillicredits", "reservationId", "metadata", "createdAt",
    "timeRuleId", "timeRuleVersion", "volumeRuleId", "volumeRuleVersion")
  VALUES (p_event_id, p_workspace_id, v_res."apiKeyId", v_res."modelId", v_res."modelKey", p_quantity, p_input_tokens, p_output_tokens,
    'credits', p_markup_bps, p_price_version, p_provider_cost, v_charge, 0, v_balance, p_id,
    CASE WHEN v_charge < v_price THEN coalesce(p_metadata, '{}'::jsonb) || jsonb_build_object('uncollectedMillicredits', v_price - v_charge) ELSE p_metadata END,
    timezone('UTC', now()),
    p_rules->>'timeRuleId', (p_rules->>'timeRuleVersion')::int, p_rules->>'volumeRuleId', (p_rules->>'volumeRuleVersion')::int);
  IF v_charge > 0 THEN
    PERFORM tollgate_ledger_entry('le_' || p_event_id, p_workspace_id, 'usage', -v_charge, v_balance, 'usage:' || p_event_id);
  END IF;
  UPDATE "Reservation" r SET "status" = 'committed', "usageEventId" = p_event_id, "settledAt" = timezone('UTC', now()) WHERE r.id = p_id;
  RETURN QUERY SELECT 'ok'::text, v_res."heldMillicredits", v_charge, v_balance;
END;
$$;

-- Counts p_units units of model p_model_id into the workspace's month-to-date usage (VolumeUsage,
-- one row per workspace and UTC month) and returns the usage before them. The row is locked until
-- the statement's transaction ends, so parallel charges of one workspace queue here and each sees
-- the exact count before it. p_units = 0 with p_model_id NULL only takes the lock (a batch takes it
-- first, keeping the lock order: "VolumeUsage", then "QuotaCounter", "ApiKeySpend", "MemberSpend",
-- "Workspace", "CreditBucket"). tollgate_uncount_volume gives units back when the charge is refused.
create or replace function tollgate_count_volume(p_workspace_id text, p_month date, p_model_id text, p_units bigint)
RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_after bigint;
BEGIN
  INSERT INTO "VolumeUsage" AS v ("workspaceId", "month", "units")
    VALUES (p_workspace_id, p_month, CASE WHEN p_model_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object(p_model_id, p_units) END)
  ON CONFLICT ("workspaceId", "month") DO UPDATE SET "units" = CASE WHEN p_model_id IS NULL THEN v."units"
      ELSE v."units" || jsonb_build_object(p_model_id, coalesce((v."units"->>p_model_id)::bigint, 0) + p_units) END
  RETURNING (v."units"->>p_model_id)::bigint INTO v_after;
  RETURN coalesce(v_after, 0) - p_units;
END;
$$;

-- Gives back p_units units counted by tollgate_count_volume for a charge that was then refused.
create or replace function tollgate_uncount_volume(p_workspace_id text, p_month date, p_model_id text, p_units bigint)
RETURNS void
LANGUAGE sql AS $$
  UPDATE "VolumeUsage" v SET "units" = v."units" || jsonb_build_object(p_model_id, (v."units"->>p_model_id)::bigint - p_units)
   WHERE v."workspaceId" = p_workspace_id AND v."month" = p_month AND p_model_id IS NOT NULL AND p_units <> 0;
$$;

-- The price of p_units units charged after p_before units of the same model this month, under a
-- volume rule's steps (p_steps: [[fromUnits, discountBps], ...], ascending): each unit pays the
-- list price p_charge / p_units less the discount of the step it falls in, so an event that crosses
-- a threshold is split at it. Exact in numeric, rounded up once to a whole millicredit (README
-- "Dynamic pricing rules"). An event of 0 units pays at the step p_before is on.
create or replace function tollgate_volume_price(p_charge bigint, p_before bigint, p_units bigint, p_steps jsonb)
RETURNS bigint
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  v_units bigint := greatest(p_units, 1);
  v_end bigint := p_before + greatest(p_units, 1);
  v_weighted numeric := 0;
  v_lo bigint := 0;
  v_bps int := 0;
  v_step jsonb;
BEGIN
  IF p_charge <= 0 OR p_steps IS NULL OR jsonb_array_length(p_steps) = 0 THEN
    RETURN p_charge;
  END IF;
  -- Walk the ranges [v_lo, next step's fromUnits) at v_bps; the last range is open-ended.
  FOR v_step IN SELECT value FROM jsonb_array_elements(p_steps) LOOP
    v_weighted := v_weighted + greatest(0, least(v_end, (v_step->>0)::bigint) - greatest(p_before, v_lo))::numeric * (10000 - v_bps);
    v_lo := (v_step->>0)::bigint;
    v_bps := (v_step->>1)::int;
  END LOOP;
  v_weighted := v_weighted + greatest(0, v_end - greatest(p_before, v_lo))::numeric * (10000 - v_bps);
  RETURN ceil(p_charge::numeric * v_weighted / (v_units::numeric * 10000))::bigint;
END;
$$;
