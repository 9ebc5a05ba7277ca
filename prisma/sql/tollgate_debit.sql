-- Takes p_amount from a workspace's balance for a call with key p_api_key_id by member p_member_id:
-- counts it against the key's and the member's monthly spend (tollgate_count_spend), then takes it
-- from the balance, which never goes below zero, and from the credit buckets in drawing order
-- (tollgate_draw_credits). Buckets whose time has come expire first. A refusal — the cap's
-- outcome, or 'insufficient_credits' — gives back what was counted. Returns the outcome ('ok' or
-- the refusal), the balance after (unchanged on a refusal) and the draws. The caller writes the
-- ledger entry.
create or replace function tollgate_debit(
  p_workspace_id text, p_api_key_id text, p_member_id text, p_month date,
  p_amount bigint, p_cap bigint, p_member_cap bigint,
  OUT outcome text, OUT balance bigint, OUT draws jsonb
)
LANGUAGE plpgsql AS $$
BEGIN
  outcome := tollgate_count_spend(p_workspace_id, p_api_key_id, p_member_id, p_month, p_amount, p_cap, p_member_cap);
  IF outcome IS NULL THEN
    UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" - p_amount
      WHERE w.id = p_workspace_id AND w."balanceMillicredits" >= p_amount
        AND (w."creditsExpireAt" IS NULL OR w."creditsExpireAt" > timezone('UTC', now()))
      RETURNING w."balanceMillicredits" INTO balance;
    IF NOT FOUND THEN
      -- Too little, or buckets due to expire. Another call may have expired them since the
      -- statement above (then the check below finds nothing due), so the retry runs either way.
      IF EXISTS (SELECT 1 FROM "Workspace" w
                  WHERE w.id = p_workspace_id AND w."creditsExpireAt" <= timezone('UTC', now())) THEN
        PERFORM tollgate_expire_credits(p_workspace_id);
      END IF;
      UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" - p_amount
        WHERE w.id = p_workspace_id AND w."balanceMillicredits" >= p_amount
        RETURNING w."balanceMillicredits" INTO balance;
    END IF;
    IF FOUND THEN
      draws := tollgate_draw_credits(p_workspace_id, p_amount);
      outcome := 'ok';
      RETURN;
    END IF;
    PERFORM tollgate_uncount_spend(p_workspace_id, p_api_key_id, p_member_id, p_month, p_amount, p_cap);
    outcome := 'insufficient_credits';
  END IF;
  SELECT w."balanceMillicredits" INTO balance FROM "Workspace" w WHERE w.id = p_workspace_id;
END;
$$;
