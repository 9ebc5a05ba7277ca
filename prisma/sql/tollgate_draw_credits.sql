-- Takes p_amount from a workspace's credit buckets: by priority, then soonest expiry, then oldest.
-- The caller has already taken it from "Workspace"."balanceMillicredits" (which holds the row lock
-- and keeps the balance at or above zero), so the buckets always cover it; if they do not, the
-- ledger's invariant is broken and the whole statement fails rather than go on.
-- Returns the draws, [[bucketId, millicredits], ...], for a hold to give back on release.
create or replace function tollgate_draw_credits(p_workspace_id text, p_amount bigint) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_left bigint := p_amount;
  v_take bigint;
  v_draws jsonb := '[]'::jsonb;
  b record;
BEGIN
  IF p_amount <= 0 THEN
    RETURN v_draws;
  END IF;
  -- Most calls fit in the first bucket: one statement.
  UPDATE "CreditBucket" c SET "remainingMillicredits" = c."remainingMillicredits" - p_amount
    WHERE c.id = (SELECT f.id FROM "CreditBucket" f
                   WHERE f."workspaceId" = p_workspace_id AND f."remainingMillicredits" > 0
                   ORDER BY f.priority, f."expiresAt" NULLS LAST, f.seq LIMIT 1)
      AND c."remainingMillicredits" >= p_amount
    RETURNING jsonb_build_array(jsonb_build_array(c.id, p_amount)) INTO v_draws;
  IF FOUND THEN
    RETURN v_draws;
  END IF;
  v_draws := '[]'::jsonb;
  FOR b IN
    SELECT c.id, c."remainingMillicredits" AS remaining FROM "CreditBucket" c
     WHERE c."workspaceId" = p_workspace_id AND c."remainingMillicredits" > 0
     ORDER BY c.priority, c."expiresAt" NULLS LAST, c.seq
       FOR UPDATE
  LOOP
    v_take := least(b.remaining, v_left);
    UPDATE "CreditBucket" c SET "remainingMillicredits" = c."remainingMillicredits" - v_take WHERE c.id = b.id;
    v_draws := v_draws || jsonb_build_array(jsonb_build_array(b.id, v_take));
    v_left := v_left - v_take;
    EXIT WHEN v_left = 0;
  END LOOP;
  IF v_left > 0 THEN
    RAISE EXCEPTION 'credit buckets of workspace % hold % millicredits less than its balance', p_workspace_id, v_left;
  END IF;
  RETURN v_draws;
END;
$$;
