-- Gives draws back to the buckets they came from (a released or settled hold): p_draws as
-- tollgate_draw_credits returned them. A bucket that expired in the meantime gets them too, and
-- the workspace's creditsExpireAt moves back so the next charge expires them first. The caller
-- moves "Workspace"."balanceMillicredits" (and holds its row lock).
create or replace function tollgate_return_credits(p_workspace_id text, p_draws jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_expires timestamp;
  d jsonb;
BEGIN
  FOR d IN SELECT * FROM jsonb_array_elements(p_draws) LOOP
    v_expires := NULL;
    UPDATE "CreditBucket" c SET "remainingMillicredits" = c."remainingMillicredits" + (d->>1)::bigint
      WHERE c.id = d->>0 AND c."workspaceId" = p_workspace_id
      RETURNING c."expiresAt" INTO v_expires;
    IF v_expires IS NOT NULL THEN
      UPDATE "Workspace" w SET "creditsExpireAt" = least(coalesce(w."creditsExpireAt", v_expires), v_expires)
        WHERE w.id = p_workspace_id;
    END IF;
  END LOOP;
END;
$$;
