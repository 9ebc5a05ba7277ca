-- Gives a held reservation's credits back to the buckets they came from (released by the app, or
-- expired with p_status 'expired'), and the spend it counted against the caps. p_workspace_id NULL: any workspace (the
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
  PERFORM tollgate_return_credits(v_res."workspaceId", v_res.draws);
  PERFORM tollgate_ledger_entry('le_release_' || v_res.id, v_res."workspaceId", 'reservation_release', v_res."heldMillicredits", v_balance, 'release:' || v_res.id);
  UPDATE "Reservation" r SET "status" = p_status::"ReservationStatus", "settledAt" = timezone('UTC', now()) WHERE r.id = v_res.id;
  RETURN QUERY SELECT 'ok'::text, v_res."heldMillicredits", v_balance;
END;
$$;
