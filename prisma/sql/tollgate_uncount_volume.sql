-- Gives back p_units units counted by tollgate_count_volume for a charge that was then refused.
create or replace function tollgate_uncount_volume(p_workspace_id text, p_month date, p_model_id text, p_units bigint)
RETURNS void
LANGUAGE sql AS $$
  UPDATE "VolumeUsage" v SET "units" = v."units" || jsonb_build_object(p_model_id, (v."units"->>p_model_id)::bigint - p_units)
   WHERE v."workspaceId" = p_workspace_id AND v."month" = p_month AND p_model_id IS NOT NULL AND p_units <> 0;
$$;
