-- A batch of one caller's calls, in order: the same outcomes, rows and end state as calling
-- tollgate_charge_usage once per call (row i of the arrays is call i; the rest is shared), in one
-- pass over the whole batch when every call is certain to succeed:
--   * no volume rule (a time rule's stamps are fine: its multiplier is already in p_charge),
--   * idempotency keys, if any, all different and none seen before (their locks are taken first,
--     in order, as the per-call path takes them),
--   * quota calls and credit calls not mixed, the quota calls' units fit today's quota together,
--   * the credit calls' total passes the spend caps and the balance (tollgate_debit, once).
-- Then the counter moves once, the balance once (and the buckets draw the total, which is what
-- drawing each call's amount in turn takes), and the events, their keys' "UsageIdempotency" rows
-- and the ledger entries are multi-row inserts with each call's running balance and quota use.
-- Otherwise nothing has moved (a refused debit gives back what it counted) and the calls run one
-- by one through tollgate_charge_usage, where a refusal is per call.
create or replace function tollgate_charge_usage_batch(
  p_event_id text[], p_model_id text[], p_model_key text[],
  p_quantity bigint[], p_input_tokens bigint[], p_output_tokens bigint[],
  p_mode text[], p_charge bigint[], p_markup_bps int[], p_price_version int[], p_provider_cost bigint[],
  p_quota_units int[], p_idempotency_key text[], p_request_hash text[], p_metadata jsonb[], p_rules jsonb[],
  p_workspace_id text, p_api_key_id text, p_quota_limit int, p_day date, p_overage boolean,
  p_cap bigint, p_month date, p_member_id text, p_member_cap bigint
) RETURNS TABLE(ord bigint, outcome text, event_id text, billed_to text, charged bigint, balance bigint, quota_used int)
LANGUAGE plpgsql AS $$
DECLARE
  v_n int := cardinality(p_event_id);
  v_credits bigint;
  v_units bigint;
  v_has_quota boolean;
  v_has_credits boolean;
  v_keys int;
  v_distinct_keys int;
  v_fast boolean;
  v_debit text;
  v_balance bigint;
  v_used int;
BEGIN
  SELECT coalesce(sum(x.c) FILTER (WHERE x.m = 'credits'), 0),
         coalesce(sum(x.u) FILTER (WHERE x.m = 'quota'), 0),
         coalesce(bool_or(x.m = 'quota'), false),
         coalesce(bool_or(x.m = 'credits' AND x.c > 0), false),
         count(x.k), count(DISTINCT x.k),
         coalesce(bool_and(x.r IS NULL OR NOT (x.r ? 'steps' OR x.r ? 'lockVolume')), true)
    INTO v_credits, v_units, v_has_quota, v_has_credits, v_keys, v_distinct_keys, v_fast
    FROM unnest(p_mode, p_charge, p_quota_units, p_idempotency_key, p_rules) AS x(m, c, u, k, r);
  v_fast := v_fast AND v_n > 0 AND v_keys = v_distinct_keys AND NOT (v_has_quota AND v_has_credits)
    AND (NOT v_has_quota OR v_units <= p_quota_limit);

  IF v_fast AND v_keys > 0 THEN
    FOR i IN 1..v_n LOOP
      IF p_idempotency_key[i] IS NOT NULL THEN
        PERFORM pg_advisory_xact_lock(hashtextextended(p_workspace_id || ':' || p_idempotency_key[i], 0));
      END IF;
    END LOOP;
    v_fast := NOT EXISTS (SELECT 1 FROM "UsageIdempotency" i
                           WHERE i."workspaceId" = p_workspace_id AND i."idempotencyKey" = ANY (p_idempotency_key));
  END IF;

  IF v_fast AND v_has_quota THEN
    INSERT INTO "QuotaCounter" AS q ("workspaceId", "day", "used")
      VALUES (p_workspace_id, p_day, v_units::int)
    ON CONFLICT ("workspaceId", "day") DO UPDATE SET "used" = q."used" + EXCLUDED."used"
      WHERE q."used" + EXCLUDED."used" <= p_quota_limit
    RETURNING q."used" INTO v_used;
    v_fast := FOUND;
  END IF;

  IF v_fast AND v_has_credits THEN
    SELECT d.outcome, d.balance INTO v_debit, v_balance
      FROM tollgate_debit(p_workspace_id, p_api_key_id, p_member_id, p_month, v_credits, p_cap, p_member_cap) d;
    v_fast := v_debit = 'ok';
  ELSIF v_fast THEN
    SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id;
  END IF;

  IF NOT v_fast THEN
    FOR i IN 1..v_n LOOP
      RETURN QUERY SELECT i::bigint, r.* FROM tollgate_charge_usage(
        p_event_id => p_event_id[i], p_workspace_id => p_workspace_id, p_api_key_id => p_api_key_id,
        p_model_id => p_model_id[i], p_model_key => p_model_key[i], p_quantity => p_quantity[i],
        p_input_tokens => p_input_tokens[i], p_output_tokens => p_output_tokens[i], p_mode => p_mode[i],
        p_charge => p_charge[i], p_markup_bps => p_markup_bps[i], p_price_version => p_price_version[i],
        p_provider_cost => p_provider_cost[i], p_quota_units => p_quota_units[i], p_quota_limit => p_quota_limit,
        p_day => p_day, p_overage => p_overage, p_cap => p_cap, p_month => p_month,
        p_idempotency_key => p_idempotency_key[i], p_request_hash => p_request_hash[i],
        p_metadata => p_metadata[i], p_rules => p_rules[i], p_member_id => p_member_id,
        p_member_cap => p_member_cap) r;
    END LOOP;
    RETURN;
  END IF;

  -- Every call succeeds: what each one charged, and the balance and quota use after it.
  RETURN QUERY
  WITH item AS (
    SELECT x.*, CASE WHEN x.mode = 'credits' THEN x.price ELSE 0 END AS amount,
           CASE WHEN x.mode = 'quota' THEN x.units ELSE 0 END AS quota_units
      FROM unnest(p_event_id, p_model_id, p_model_key, p_quantity, p_input_tokens, p_output_tokens, p_mode,
                  p_charge, p_markup_bps, p_price_version, p_provider_cost, p_quota_units, p_idempotency_key,
                  p_request_hash, p_metadata, p_rules)
        WITH ORDINALITY AS x(id, model_id, model_key, quantity, input_tokens, output_tokens, mode, price,
                             markup_bps, price_version, provider_cost, units, idempotency_key, request_hash,
                             metadata, rules, n)
  ), run AS (
    SELECT item.*,
           (v_balance + v_credits - sum(item.amount) OVER (ORDER BY item.n))::bigint AS balance_after,
           CASE WHEN item.mode = 'quota'
                THEN (v_used - v_units + sum(item.quota_units) OVER (ORDER BY item.n))::int END AS used_after
      FROM item
  ), events AS (
    INSERT INTO "UsageEvent" ("id", "workspaceId", "apiKeyId", "modelId", "modelKey", "quantity", "inputTokens", "outputTokens",
      "billedTo", "markupBps", "priceVersion", "providerCostMicros", "chargedMillicredits", "quotaUnits",
      "balanceAfterMillicredits", "quotaUsedAfter", "quotaLimit", "idempotencyKey", "requestHash", "metadata", "createdAt",
      "timeRuleId", "timeRuleVersion", "volumeRuleId", "volumeRuleVersion")
    SELECT run.id, p_workspace_id, p_api_key_id, run.model_id, run.model_key, run.quantity, run.input_tokens, run.output_tokens,
      run.mode::"BilledTo", CASE WHEN run.mode = 'credits' THEN run.markup_bps ELSE 0 END, run.price_version, run.provider_cost,
      run.amount, run.quota_units, run.balance_after, run.used_after, p_quota_limit, run.idempotency_key, run.request_hash,
      run.metadata, timezone('UTC', now()), run.rules->>'timeRuleId', (run.rules->>'timeRuleVersion')::int,
      run.rules->>'volumeRuleId', (run.rules->>'volumeRuleVersion')::int
      FROM run ORDER BY run.n
  ), keys AS (
    INSERT INTO "UsageIdempotency" ("workspaceId", "idempotencyKey", "eventId", "createdAt")
    SELECT p_workspace_id, run.idempotency_key, run.id, timezone('UTC', now())
      FROM run WHERE run.idempotency_key IS NOT NULL
  ), entries AS (
    -- tollgate_ledger_entry's row, for the calls that moved the balance, in their order.
    INSERT INTO "LedgerEntry" ("id", "workspaceId", "kind", "amountMillicredits", "balanceAfterMillicredits", "reference", "createdAt")
    SELECT 'le_' || run.id, p_workspace_id, 'usage', -run.amount, run.balance_after, 'usage:' || run.id, timezone('UTC', now())
      FROM run WHERE run.amount > 0 ORDER BY run.n
  )
  SELECT run.n, 'ok'::text, run.id, run.mode, run.amount, run.balance_after, run.used_after FROM run ORDER BY run.n;
END;
$$;
