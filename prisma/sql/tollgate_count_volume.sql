-- Counts p_units units of model p_model_id into the workspace's month-to-date usage (VolumeUsage,
-- one row per workspace and UTC month) and returns the usage before them. The row is locked until
-- the statement's transaction ends, so parallel charges of one workspace queue here and each sees
-- the exact count before it. p_units = 0 with p_model_id NULL only takes the lock (a batch takes it
-- first, keeping the lock order: "VolumeUsage", then "QuotaCounter", "ApiKeySpend", "MemberSpend",
-- "Workspace", "CreditBucket"). tollgate_uncount_volume gives units back when the charge is refused.
create or replace function tollgate_count_volume(p_workspace_id text, p_month date, p_model_id text, p_units bigint)
RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_after bigint;
BEGIN
  INSERT INTO "VolumeUsage" AS v ("workspaceId", "month", "units")
    VALUES (p_workspace_id, p_month, CASE WHEN p_model_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object(p_model_id, p_units) END)
  ON CONFLICT ("workspaceId", "month") DO UPDATE SET "units" = CASE WHEN p_model_id IS NULL THEN v."units"
      ELSE v."units" || jsonb_build_object(p_model_id, coalesce((v."units"->>p_model_id)::bigint, 0) + p_units) END
  RETURNING (v."units"->>p_model_id)::bigint INTO v_after;
  RETURN coalesce(v_after, 0) - p_units;
END;
$$;
