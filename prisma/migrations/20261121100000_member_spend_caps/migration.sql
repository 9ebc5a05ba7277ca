-- Team member spend caps. A key's member is the user who created it, while they belong to the
-- key's workspace; their calls (any of their keys) add up in "MemberSpend" per UTC month, and an
-- optional "Membership"."monthlySpendCapMillicredits" refuses a call that would go over it.
--
-- Race-free like the key cap: each counter moves through a conditional upsert
-- (INSERT ... ON CONFLICT DO UPDATE ... WHERE counter + charge <= cap), so parallel calls queue on
-- the counter's row and the check and the increment are one atomic step. Every function takes
-- its row locks in one order — "ApiKeySpend", then "MemberSpend", then "Workspace" — so no two
-- calls can deadlock. A refusal further along gives back what was counted before it, in the same
-- transaction. Holds count against both caps (a reservation is a call whose cost is known later);
-- commit turns the counted estimate into the actual charge, release and expiry give it back.

-- New trailing parameters (with defaults, so existing positional callers keep working) mean a new
-- signature: drop the old ones rather than leave an ambiguous overload behind.
DROP FUNCTION IF EXISTS tollgate_charge_usage(
  text, text, text, text, text, bigint, bigint, bigint, text, bigint, int, int, bigint, int, int, date, boolean, bigint, date, text, text, jsonb);
DROP FUNCTION IF EXISTS tollgate_hold(text, text, text, text, text, bigint, timestamp);

-- One call's charge: idempotency, daily quota (or overage to credits), key and member spend caps,
-- wallet debit, usage event and ledger entry, all in one statement. Row locks last only as long as
-- this function runs, and no round trip to the application happens while they are held.
-- Outcome `spend_cap_reached` is the key's cap, `member_spend_cap_reached` the member's.
CREATE FUNCTION tollgate_charge_usage(
  p_event_id text, p_workspace_id text, p_api_key_id text, p_model_id text, p_model_key text,
  p_quantity bigint, p_input_tokens bigint, p_output_tokens bigint,
  p_mode text, p_charge bigint, p_markup_bps int, p_price_version int, p_provider_cost bigint,
  p_quota_units int, p_quota_limit int, p_day date, p_overage boolean,
  p_cap bigint, p_month date,
  p_idempotency_key text, p_request_hash text, p_metadata jsonb,
  p_member_id text DEFAULT NULL, p_member_cap bigint DEFAULT NULL
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
    -- A member's spend is counted whether or not they have a cap (the team page shows it).
    IF p_member_id IS NOT NULL THEN
      INSERT INTO "MemberSpend" AS m ("workspaceId", "userId", "month", "millicredits")
        SELECT p_workspace_id, p_member_id, p_month, p_charge WHERE p_member_cap IS NULL OR p_charge <= p_member_cap
      ON CONFLICT ("workspaceId", "userId", "month") DO UPDATE SET "millicredits" = m."millicredits" + EXCLUDED."millicredits"
        WHERE p_member_cap IS NULL OR m."millicredits" + EXCLUDED."millicredits" <= p_member_cap;
      IF NOT FOUND THEN
        IF p_cap IS NOT NULL THEN
          UPDATE "ApiKeySpend" s SET "millicredits" = s."millicredits" - p_charge WHERE s."apiKeyId" = p_api_key_id AND s."month" = p_month;
        END IF;
        SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id;
        RETURN QUERY SELECT 'member_spend_cap_reached'::text, NULL::text, NULL::text, NULL::bigint, v_balance, v_used;
        RETURN;
      END IF;
    END IF;
    UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" - p_charge
      WHERE w.id = p_workspace_id AND w."balanceMillicredits" >= p_charge
      RETURNING w."balanceMillicredits" INTO v_balance;
    IF NOT FOUND THEN
      -- Give back the spend counted above (same transaction).
      IF p_cap IS NOT NULL THEN
        UPDATE "ApiKeySpend" s SET "millicredits" = s."millicredits" - p_charge WHERE s."apiKeyId" = p_api_key_id AND s."month" = p_month;
      END IF;
      IF p_member_id IS NOT NULL THEN
        UPDATE "MemberSpend" m SET "millicredits" = m."millicredits" - p_charge
          WHERE m."workspaceId" = p_workspace_id AND m."userId" = p_member_id AND m."month" = p_month;
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

-- Moves the spend counted for a reservation's key and member by p_delta, in the UTC month the
-- hold was made in. A counter is touched only where the hold counted it: the key's while the key
-- has a cap, the member's while the key's creator belongs to the workspace. Never below zero.
CREATE OR REPLACE FUNCTION tollgate_adjust_reservation_spend(p_res "Reservation", p_delta bigint)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_month date := date_trunc('month', p_res."createdAt")::date;
BEGIN
  IF p_delta = 0 OR p_res."apiKeyId" IS NULL THEN
    RETURN;
  END IF;
  UPDATE "ApiKeySpend" s SET "millicredits" = greatest(0, s."millicredits" + p_delta)
    FROM "ApiKey" k
    WHERE k.id = p_res."apiKeyId" AND k."monthlySpendCapMillicredits" IS NOT NULL
      AND s."apiKeyId" = k.id AND s."month" = v_month;
  UPDATE "MemberSpend" m SET "millicredits" = greatest(0, m."millicredits" + p_delta)
    FROM "ApiKey" k JOIN "Membership" ms ON ms."workspaceId" = k."workspaceId" AND ms."userId" = k."createdById"
    WHERE k.id = p_res."apiKeyId"
      AND m."workspaceId" = p_res."workspaceId" AND m."userId" = k."createdById" AND m."month" = v_month;
END;
$$;

-- Holds a call's estimate: counts it against the key's and the member's monthly caps (refusing
-- with the cap's outcome when it would go over), then takes it from the balance.
CREATE FUNCTION tollgate_hold(
  p_id text, p_workspace_id text, p_api_key_id text, p_model_id text, p_model_key text, p_amount bigint, p_expires_at timestamp,
  p_cap bigint DEFAULT NULL, p_member_id text DEFAULT NULL, p_member_cap bigint DEFAULT NULL
) RETURNS TABLE(outcome text, balance bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_balance bigint;
  v_month date := date_trunc('month', timezone('UTC', now()))::date;
BEGIN
  IF p_amount > 0 AND p_cap IS NOT NULL THEN
    INSERT INTO "ApiKeySpend" AS s ("apiKeyId", "month", "millicredits")
      SELECT p_api_key_id, v_month, p_amount WHERE p_amount <= p_cap
    ON CONFLICT ("apiKeyId", "month") DO UPDATE SET "millicredits" = s."millicredits" + EXCLUDED."millicredits"
      WHERE s."millicredits" + EXCLUDED."millicredits" <= p_cap;
    IF NOT FOUND THEN
      SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id;
      RETURN QUERY SELECT 'spend_cap_reached'::text, v_balance;
      RETURN;
    END IF;
  END IF;
  IF p_amount > 0 AND p_member_id IS NOT NULL THEN
    INSERT INTO "MemberSpend" AS m ("workspaceId", "userId", "month", "millicredits")
      SELECT p_workspace_id, p_member_id, v_month, p_amount WHERE p_member_cap IS NULL OR p_amount <= p_member_cap
    ON CONFLICT ("workspaceId", "userId", "month") DO UPDATE SET "millicredits" = m."millicredits" + EXCLUDED."millicredits"
      WHERE p_member_cap IS NULL OR m."millicredits" + EXCLUDED."millicredits" <= p_member_cap;
    IF NOT FOUND THEN
      IF p_cap IS NOT NULL THEN
        UPDATE "ApiKeySpend" s SET "millicredits" = s."millicredits" - p_amount WHERE s."apiKeyId" = p_api_key_id AND s."month" = v_month;
      END IF;
      SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id;
      RETURN QUERY SELECT 'member_spend_cap_reached'::text, v_balance;
      RETURN;
    END IF;
  END IF;
  UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" - p_amount
    WHERE w.id = p_workspace_id AND w."balanceMillicredits" >= p_amount
    RETURNING w."balanceMillicredits" INTO v_balance;
  IF NOT FOUND THEN
    IF p_amount > 0 AND p_cap IS NOT NULL THEN
      UPDATE "ApiKeySpend" s SET "millicredits" = s."millicredits" - p_amount WHERE s."apiKeyId" = p_api_key_id AND s."month" = v_month;
    END IF;
    IF p_amount > 0 AND p_member_id IS NOT NULL THEN
      UPDATE "MemberSpend" m SET "millicredits" = m."millicredits" - p_amount
        WHERE m."workspaceId" = p_workspace_id AND m."userId" = p_member_id AND m."month" = v_month;
    END IF;
    SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id;
    RETURN QUERY SELECT 'insufficient_credits'::text, v_balance;
    RETURN;
  END IF;
  INSERT INTO "Reservation" ("id", "workspaceId", "apiKeyId", "modelId", "modelKey", "heldMillicredits", "status", "expiresAt", "createdAt")
  VALUES (p_id, p_workspace_id, p_api_key_id, p_model_id, p_model_key, p_amount, 'held', p_expires_at, timezone('UTC', now()));
  INSERT INTO "LedgerEntry" ("id", "workspaceId", "kind", "amountMillicredits", "balanceAfterMillicredits", "reference", "createdAt")
  VALUES ('le_hold_' || p_id, p_workspace_id, 'reservation_hold', -p_amount, v_balance, 'hold:' || p_id, timezone('UTC', now()));
  RETURN QUERY SELECT 'ok'::text, v_balance;
END;
$$;

-- Gives a held reservation's credits back (released by the app, or expired), and the spend it
-- counted against the caps.
CREATE OR REPLACE FUNCTION tollgate_release_reservation(p_id text, p_workspace_id text, p_status text)
RETURNS TABLE(outcome text, released bigint, balance bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_res "Reservation"%ROWTYPE;
  v_balance bigint;
BEGIN
  SELECT * INTO v_res FROM "Reservation" r WHERE r.id = p_id AND (p_workspace_id IS NULL OR r."workspaceId" = p_workspace_id) FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'not_found'::text, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  IF v_res.status <> 'held' THEN
    RETURN QUERY SELECT ('already_' || v_res.status::text), NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  PERFORM tollgate_adjust_reservation_spend(v_res, -v_res."heldMillicredits");
  UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" + v_res."heldMillicredits"
    WHERE w.id = v_res."workspaceId" RETURNING w."balanceMillicredits" INTO v_balance;
  INSERT INTO "LedgerEntry" ("id", "workspaceId", "kind", "amountMillicredits", "balanceAfterMillicredits", "reference", "createdAt")
  VALUES ('le_release_' || v_res.id, v_res."workspaceId", 'reservation_release', v_res."heldMillicredits", v_balance, 'release:' || v_res.id, timezone('UTC', now()));
  UPDATE "Reservation" r SET "status" = p_status::"ReservationStatus", "settledAt" = timezone('UTC', now()) WHERE r.id = v_res.id;
  RETURN QUERY SELECT 'ok'::text, v_res."heldMillicredits", v_balance;
END;
$$;

-- Settles a hold with the real cost: the hold comes back, the actual charge goes out, and the
-- usage event is written. A cost above the hold is charged as far as the balance allows (the rest
-- is recorded as uncollected on the event), since the work has already been done — and, for the
-- same reason, counted against the caps even past them. The spend counters move before the
-- workspace row is locked (the lock order of every charge), then shed what was not collected.
CREATE OR REPLACE FUNCTION tollgate_commit_reservation(
  p_id text, p_workspace_id text, p_event_id text,
  p_quantity bigint, p_input_tokens bigint, p_output_tokens bigint,
  p_charge bigint, p_markup_bps int, p_price_version int, p_provider_cost bigint, p_metadata jsonb
) RETURNS TABLE(outcome text, held bigint, charged bigint, balance bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_res "Reservation"%ROWTYPE;
  v_balance bigint;
  v_charge bigint;
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
  PERFORM tollgate_adjust_reservation_spend(v_res, p_charge - v_res."heldMillicredits");
  SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id FOR UPDATE;
  v_charge := least(p_charge, v_balance + v_res."heldMillicredits");
  IF v_charge < p_charge THEN
    PERFORM tollgate_adjust_reservation_spend(v_res, v_charge - p_charge);
  END IF;
  v_balance := v_balance + v_res."heldMillicredits";
  INSERT INTO "LedgerEntry" ("id", "workspaceId", "kind", "amountMillicredits", "balanceAfterMillicredits", "reference", "createdAt")
  VALUES ('le_release_' || p_id, p_workspace_id, 'reservation_release', v_res."heldMillicredits", v_balance, 'release:' || p_id, timezone('UTC', now()));
  v_balance := v_balance - v_charge;
  UPDATE "Workspace" w SET "balanceMillicredits" = v_balance WHERE w.id = p_workspace_id;
  INSERT INTO "UsageEvent" ("id", "workspaceId", "apiKeyId", "modelId", "modelKey", "quantity", "inputTokens", "outputTokens",
    "billedTo", "markupBps", "priceVersion", "providerCostMicros", "chargedMillicredits", "quotaUnits",
    "balanceAfterMillicredits", "reservationId", "metadata", "createdAt")
  VALUES (p_event_id, p_workspace_id, v_res."apiKeyId", v_res."modelId", v_res."modelKey", p_quantity, p_input_tokens, p_output_tokens,
    'credits', p_markup_bps, p_price_version, p_provider_cost, v_charge, 0, v_balance, p_id,
    CASE WHEN v_charge < p_charge THEN coalesce(p_metadata, '{}'::jsonb) || jsonb_build_object('uncollectedMillicredits', p_charge - v_charge) ELSE p_metadata END,
    timezone('UTC', now()));
  IF v_charge > 0 THEN
    INSERT INTO "LedgerEntry" ("id", "workspaceId", "kind", "amountMillicredits", "balanceAfterMillicredits", "reference", "createdAt")
    VALUES ('le_' || p_event_id, p_workspace_id, 'usage', -v_charge, v_balance, 'usage:' || p_event_id, timezone('UTC', now()));
  END IF;
  UPDATE "Reservation" r SET "status" = 'committed', "usageEventId" = p_event_id, "settledAt" = timezone('UTC', now()) WHERE r.id = p_id;
  RETURN QUERY SELECT 'ok'::text, v_res."heldMillicredits", v_charge, v_balance;
END;
$$;
