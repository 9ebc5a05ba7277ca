-- Timestamps are written as UTC (timestamp columns without a zone, as Prisma stores them).
-- Reservations (holds) for calls whose cost is known only afterwards. Each function is one
-- statement for the application: the balance, the reservation and the ledger move together.

CREATE OR REPLACE FUNCTION tollgate_hold(
  p_id text, p_workspace_id text, p_api_key_id text, p_model_id text, p_model_key text, p_amount bigint, p_expires_at timestamp
) RETURNS TABLE(outcome text, balance bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_balance bigint;
BEGIN
  UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" - p_amount
    WHERE w.id = p_workspace_id AND w."balanceMillicredits" >= p_amount
    RETURNING w."balanceMillicredits" INTO v_balance;
  IF NOT FOUND THEN
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

-- Gives a held reservation's credits back (released by the app, or expired).
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
-- is recorded as uncollected on the event), since the work has already been done.
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
  SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id FOR UPDATE;
  v_charge := least(p_charge, v_balance + v_res."heldMillicredits");
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
