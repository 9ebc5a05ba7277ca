-- Every movement of credits that is not a metered call (purchases, grants, coupons, referrals,
-- admin adjustments, refund claw-backs), with its ledger entry, in one statement.
-- A positive p_amount is a new bucket (p_source, p_priority, p_expires_at). A negative one is taken
-- first from the bucket granted by (p_from_kind, p_from_reference) when given (a refund claws back
-- what it bought), then in drawing order; due buckets expire first. The balance never goes below
-- zero: a debit it cannot cover changes nothing and returns NULL. Returns the balance after.
-- A repeated (workspace, kind, reference) fails on the ledger's unique index; the caller reads that
-- as "already applied".
create or replace function tollgate_change_balance(
  p_id text, p_workspace_id text, p_kind "LedgerKind", p_amount bigint, p_reference text,
  p_reason text DEFAULT NULL, p_actor_id text DEFAULT NULL,
  p_source "CreditSource" DEFAULT NULL, p_priority int DEFAULT NULL, p_expires_at timestamp DEFAULT NULL,
  p_from_kind "LedgerKind" DEFAULT NULL, p_from_reference text DEFAULT NULL
) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_balance bigint;
  v_left bigint := -p_amount;
  v_take bigint;
  v_bucket text;
BEGIN
  IF p_amount >= 0 THEN
    UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" + p_amount,
      "creditsExpireAt" = CASE WHEN p_expires_at IS NULL OR p_amount = 0 THEN w."creditsExpireAt"
                               ELSE least(coalesce(w."creditsExpireAt", p_expires_at), p_expires_at) END
      WHERE w.id = p_workspace_id RETURNING w."balanceMillicredits" INTO v_balance;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
    INSERT INTO "CreditBucket" ("id", "workspaceId", "source", "priority", "grantedMillicredits", "remainingMillicredits",
      "expiresAt", "ledgerKind", "reference", "createdAt")
    VALUES ('cb_' || p_id, p_workspace_id, p_source, p_priority, p_amount, p_amount, p_expires_at, p_kind, p_reference,
      timezone('UTC', now()));
  ELSE
    IF EXISTS (SELECT 1 FROM "Workspace" w WHERE w.id = p_workspace_id AND w."creditsExpireAt" <= timezone('UTC', now())) THEN
      PERFORM tollgate_expire_credits(p_workspace_id);
    END IF;
    UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" + p_amount
      WHERE w.id = p_workspace_id AND w."balanceMillicredits" + p_amount >= 0
      RETURNING w."balanceMillicredits" INTO v_balance;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
    IF p_from_reference IS NOT NULL THEN
      SELECT c.id, least(c."remainingMillicredits", v_left) INTO v_bucket, v_take FROM "CreditBucket" c
        WHERE c."workspaceId" = p_workspace_id AND c."ledgerKind" = p_from_kind AND c.reference = p_from_reference
        FOR UPDATE;
      IF FOUND AND v_take > 0 THEN
        UPDATE "CreditBucket" c SET "remainingMillicredits" = c."remainingMillicredits" - v_take WHERE c.id = v_bucket;
        v_left := v_left - v_take;
      END IF;
    END IF;
    PERFORM tollgate_draw_credits(p_workspace_id, v_left);
  END IF;
  PERFORM tollgate_ledger_entry(p_id, p_workspace_id, p_kind, p_amount, v_balance, p_reference, p_reason, p_actor_id);
  RETURN v_balance;
END;
$$;
