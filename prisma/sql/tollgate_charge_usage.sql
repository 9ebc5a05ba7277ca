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
    -- The key's row names its event's month, so the replay reads one partition.
    SELECT e.* INTO v_existing FROM "UsageIdempotency" i
      JOIN "UsageEvent" e ON e.id = i."eventId" AND e."createdAt" = i."createdAt"
     WHERE i."workspaceId" = p_workspace_id AND i."idempotencyKey" = p_idempotency_key;
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
  IF p_idempotency_key IS NOT NULL THEN
    -- A key row already there names an event no longer kept (its month detached): the key is new again.
    INSERT INTO "UsageIdempotency" ("workspaceId", "idempotencyKey", "eventId", "createdAt")
    VALUES (p_workspace_id, p_idempotency_key, p_event_id, timezone('UTC', now()))
    ON CONFLICT ("workspaceId", "idempotencyKey") DO UPDATE SET "eventId" = EXCLUDED."eventId", "createdAt" = EXCLUDED."createdAt";
  END IF;
  IF v_charge > 0 THEN
    PERFORM tollgate_ledger_entry('le_' || p_event_id, p_workspace_id, 'usage', -v_charge, v_balance, 'usage:' || p_event_id);
  END IF;
  RETURN QUERY SELECT 'ok'::text, p_event_id, v_billed, v_charge, v_balance, v_used;
END;
$$;
