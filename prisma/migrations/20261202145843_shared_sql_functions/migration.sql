-- Functions from prisma/sql (written by npm run db:migration; edit those files, not this one).

-- One call's charge: idempotency, daily quota (or overage to credits), key and member spend caps,
-- wallet debit, usage event and ledger entry, all in one statement. Row locks last only as long as
-- this function runs, and no round trip to the application happens while they are held.
-- Outcomes: 'ok', 'replay' (an Idempotency-Key seen before with this body), 'idempotency_conflict'
-- (seen with another body), 'quota_exceeded', 'spend_cap_reached' (the key's cap),
-- 'member_spend_cap_reached' (the member's), 'insufficient_credits'.
-- The application calls it with named arguments (lib/metering/sql.ts), so their order is free.
create or replace function tollgate_charge_usage(
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
  v_outcome text;
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
    SELECT d.outcome, d.balance INTO v_outcome, v_balance
      FROM tollgate_debit(p_workspace_id, p_api_key_id, p_member_id, p_month, p_charge, p_cap, p_member_cap) d;
    IF v_outcome <> 'ok' THEN
      RETURN QUERY SELECT v_outcome, NULL::text, NULL::text, NULL::bigint, v_balance, v_used;
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
    PERFORM tollgate_ledger_entry('le_' || p_event_id, p_workspace_id, 'usage', -v_charge, v_balance, 'usage:' || p_event_id);
  END IF;
  RETURN QUERY SELECT 'ok'::text, p_event_id, v_billed, v_charge, v_balance, v_used;
END;
$$;

-- Settles a hold with the real cost: the hold comes back, the actual charge goes out, and the
-- usage event is written. A cost above the hold is charged as far as the balance allows (the rest
-- is recorded as uncollected on the event), since the work has already been done — and, for the
-- same reason, counted against the caps even past them. The spend counters move before the
-- workspace row is locked (the lock order of every charge), then shed what was not collected.
-- Outcomes: 'ok', 'not_found', 'expired' (released now), 'already_<status>'.
create or replace function tollgate_commit_reservation(
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
  PERFORM tollgate_ledger_entry('le_release_' || p_id, p_workspace_id, 'reservation_release', v_res."heldMillicredits", v_balance, 'release:' || p_id);
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
    PERFORM tollgate_ledger_entry('le_' || p_event_id, p_workspace_id, 'usage', -v_charge, v_balance, 'usage:' || p_event_id);
  END IF;
  UPDATE "Reservation" r SET "status" = 'committed', "usageEventId" = p_event_id, "settledAt" = timezone('UTC', now()) WHERE r.id = p_id;
  RETURN QUERY SELECT 'ok'::text, v_res."heldMillicredits", v_charge, v_balance;
END;
$$;

-- Counts p_amount against the monthly spend of the call's key and member, in the UTC month p_month.
-- Returns NULL when it counted, or the refusal: 'spend_cap_reached' (the key's cap, p_cap) or
-- 'member_spend_cap_reached' (the member's cap, p_member_cap), having given back what it counted.
--
-- The key's spend is counted while the key has a cap; a member's whether or not they have one (the
-- team page shows it). Race-free: each counter moves through a conditional upsert
-- (INSERT ... ON CONFLICT DO UPDATE ... WHERE counter + amount <= cap), so parallel calls queue on
-- the counter's row and the check and the increment are one atomic step. Row locks are taken in
-- one order by every function — "ApiKeySpend", then "MemberSpend", then "Workspace" — so no two
-- calls can deadlock.
create or replace function tollgate_count_spend(
  p_workspace_id text, p_api_key_id text, p_member_id text, p_month date,
  p_amount bigint, p_cap bigint, p_member_cap bigint
) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  IF p_amount <= 0 THEN
    RETURN NULL;
  END IF;
  IF p_cap IS NOT NULL THEN
    INSERT INTO "ApiKeySpend" AS s ("apiKeyId", "month", "millicredits")
      SELECT p_api_key_id, p_month, p_amount WHERE p_amount <= p_cap
    ON CONFLICT ("apiKeyId", "month") DO UPDATE SET "millicredits" = s."millicredits" + EXCLUDED."millicredits"
      WHERE s."millicredits" + EXCLUDED."millicredits" <= p_cap;
    IF NOT FOUND THEN
      RETURN 'spend_cap_reached';
    END IF;
  END IF;
  IF p_member_id IS NOT NULL THEN
    INSERT INTO "MemberSpend" AS m ("workspaceId", "userId", "month", "millicredits")
      SELECT p_workspace_id, p_member_id, p_month, p_amount WHERE p_member_cap IS NULL OR p_amount <= p_member_cap
    ON CONFLICT ("workspaceId", "userId", "month") DO UPDATE SET "millicredits" = m."millicredits" + EXCLUDED."millicredits"
      WHERE p_member_cap IS NULL OR m."millicredits" + EXCLUDED."millicredits" <= p_member_cap;
    IF NOT FOUND THEN
      PERFORM tollgate_uncount_spend(p_workspace_id, p_api_key_id, NULL, p_month, p_amount, p_cap);
      RETURN 'member_spend_cap_reached';
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

-- Takes p_amount from a workspace's balance for a call with key p_api_key_id by member p_member_id:
-- counts it against the key's and the member's monthly spend (tollgate_count_spend), then takes it
-- from the balance, which never goes below zero. A refusal — the cap's outcome, or
-- 'insufficient_credits' — gives back what was counted. Returns the outcome ('ok' or the refusal)
-- and the balance after (unchanged on a refusal). The caller writes the ledger entry.
create or replace function tollgate_debit(
  p_workspace_id text, p_api_key_id text, p_member_id text, p_month date,
  p_amount bigint, p_cap bigint, p_member_cap bigint,
  OUT outcome text, OUT balance bigint
)
LANGUAGE plpgsql AS $$
BEGIN
  outcome := tollgate_count_spend(p_workspace_id, p_api_key_id, p_member_id, p_month, p_amount, p_cap, p_member_cap);
  IF outcome IS NULL THEN
    UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" - p_amount
      WHERE w.id = p_workspace_id AND w."balanceMillicredits" >= p_amount
      RETURNING w."balanceMillicredits" INTO balance;
    IF FOUND THEN
      outcome := 'ok';
      RETURN;
    END IF;
    PERFORM tollgate_uncount_spend(p_workspace_id, p_api_key_id, p_member_id, p_month, p_amount, p_cap);
    outcome := 'insufficient_credits';
  END IF;
  SELECT w."balanceMillicredits" INTO balance FROM "Workspace" w WHERE w.id = p_workspace_id;
END;
$$;

-- Holds a call's estimate (a reservation, for calls whose cost is known only afterwards): counts it
-- against the key's and the member's monthly caps and takes it from the balance (tollgate_debit),
-- then writes the reservation and its ledger entry. Outcomes: 'ok', 'spend_cap_reached',
-- 'member_spend_cap_reached', 'insufficient_credits'; the balance comes back with each.
create or replace function tollgate_hold(
  p_id text, p_workspace_id text, p_api_key_id text, p_model_id text, p_model_key text, p_amount bigint, p_expires_at timestamp,
  p_cap bigint DEFAULT NULL, p_member_id text DEFAULT NULL, p_member_cap bigint DEFAULT NULL
) RETURNS TABLE(outcome text, balance bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_outcome text;
  v_balance bigint;
BEGIN
  SELECT d.outcome, d.balance INTO v_outcome, v_balance
    FROM tollgate_debit(p_workspace_id, p_api_key_id, p_member_id, date_trunc('month', timezone('UTC', now()))::date,
                        p_amount, p_cap, p_member_cap) d;
  IF v_outcome <> 'ok' THEN
    RETURN QUERY SELECT v_outcome, v_balance;
    RETURN;
  END IF;
  INSERT INTO "Reservation" ("id", "workspaceId", "apiKeyId", "modelId", "modelKey", "heldMillicredits", "status", "expiresAt", "createdAt")
  VALUES (p_id, p_workspace_id, p_api_key_id, p_model_id, p_model_key, p_amount, 'held', p_expires_at, timezone('UTC', now()));
  PERFORM tollgate_ledger_entry('le_hold_' || p_id, p_workspace_id, 'reservation_hold', -p_amount, v_balance, 'hold:' || p_id);
  RETURN QUERY SELECT 'ok'::text, v_balance;
END;
$$;

-- One line of a workspace's ledger, written at the moment it happens (UTC). The ledger is the
-- balance's history: every function that moves "Workspace"."balanceMillicredits" writes one.
-- The id and reference name what moved it (usage:evt_…, hold:res_…, release:res_…); the unique
-- (workspace, kind, reference) keeps any of them from being written twice.
create or replace function tollgate_ledger_entry(
  p_id text, p_workspace_id text, p_kind "LedgerKind", p_amount bigint, p_balance_after bigint, p_reference text
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LedgerEntry" ("id", "workspaceId", "kind", "amountMillicredits", "balanceAfterMillicredits", "reference", "createdAt")
  VALUES (p_id, p_workspace_id, p_kind, p_amount, p_balance_after, p_reference, timezone('UTC', now()));
END;
$$;

-- Gives a held reservation's credits back (released by the app, or expired with p_status
-- 'expired'), and the spend it counted against the caps. p_workspace_id NULL: any workspace (the
-- expiry sweep). Outcomes: 'ok', 'not_found', 'already_<status>'.
create or replace function tollgate_release_reservation(p_id text, p_workspace_id text, p_status text)
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
  PERFORM tollgate_ledger_entry('le_release_' || v_res.id, v_res."workspaceId", 'reservation_release', v_res."heldMillicredits", v_balance, 'release:' || v_res.id);
  UPDATE "Reservation" r SET "status" = p_status::"ReservationStatus", "settledAt" = timezone('UTC', now()) WHERE r.id = v_res.id;
  RETURN QUERY SELECT 'ok'::text, v_res."heldMillicredits", v_balance;
END;
$$;

-- Gives back what tollgate_count_spend counted (same arguments), when a later step refuses the
-- call in the same transaction: the key's spend while it has a cap, the member's when there is one.
create or replace function tollgate_uncount_spend(
  p_workspace_id text, p_api_key_id text, p_member_id text, p_month date,
  p_amount bigint, p_cap bigint
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_amount <= 0 THEN
    RETURN;
  END IF;
  IF p_cap IS NOT NULL THEN
    UPDATE "ApiKeySpend" s SET "millicredits" = s."millicredits" - p_amount WHERE s."apiKeyId" = p_api_key_id AND s."month" = p_month;
  END IF;
  IF p_member_id IS NOT NULL THEN
    UPDATE "MemberSpend" m SET "millicredits" = m."millicredits" - p_amount
      WHERE m."workspaceId" = p_workspace_id AND m."userId" = p_member_id AND m."month" = p_month;
  END IF;
END;
$$;
