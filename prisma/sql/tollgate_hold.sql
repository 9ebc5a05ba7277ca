-- Holds a call's estimate (a reservation, for calls whose cost is known only afterwards): counts it
-- against the key's and the member's monthly caps and takes it from the balance (tollgate_debit),
-- then writes the reservation (with the buckets it drew from) and its ledger entry. Outcomes: 'ok', 'spend_cap_reached',
-- 'member_spend_cap_reached', 'insufficient_credits'; the balance comes back with each.
create or replace function tollgate_hold(
  p_id text, p_workspace_id text, p_api_key_id text, p_model_id text, p_model_key text, p_amount bigint, p_expires_at timestamp,
  p_cap bigint DEFAULT NULL, p_member_id text DEFAULT NULL, p_member_cap bigint DEFAULT NULL
) RETURNS TABLE(outcome text, balance bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_outcome text;
  v_balance bigint;
  v_draws jsonb;
BEGIN
  SELECT d.outcome, d.balance, d.draws INTO v_outcome, v_balance, v_draws
    FROM tollgate_debit(p_workspace_id, p_api_key_id, p_member_id, date_trunc('month', timezone('UTC', now()))::date,
                        p_amount, p_cap, p_member_cap) d;
  IF v_outcome <> 'ok' THEN
    RETURN QUERY SELECT v_outcome, v_balance;
    RETURN;
  END IF;
  INSERT INTO "Reservation" ("id", "workspaceId", "apiKeyId", "modelId", "modelKey", "heldMillicredits", "status", "expiresAt", "draws", "createdAt")
  VALUES (p_id, p_workspace_id, p_api_key_id, p_model_id, p_model_key, p_amount, 'held', p_expires_at, v_draws, timezone('UTC', now()));
  PERFORM tollgate_ledger_entry('le_hold_' || p_id, p_workspace_id, 'reservation_hold', -p_amount, v_balance, 'hold:' || p_id);
  RETURN QUERY SELECT 'ok'::text, v_balance;
END;
$$;
