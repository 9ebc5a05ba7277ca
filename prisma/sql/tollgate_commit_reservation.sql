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
