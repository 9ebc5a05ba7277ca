-- Gives back what tollgate_count_spend counted (same arguments), when a later step refuses the
-- call in the same transaction: the key's spend while it has a cap, the member's when there is one.
create or replace function tollgate_uncount_spend(
  p_workspace_id text, p_api_key_id text, p_member_id text, p_month date,
  p_amount bigint, p_cap bigint
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_amount <= 0 THEN
    RETURN;
  END IF;
  IF p_cap IS NOT NULL THEN
    UPDATE "ApiKeySpend" s SET "millicredits" = s."millicredits" - p_amount WHERE s."apiKeyId" = p_api_key_id AND s."month" = p_month;
  END IF;
  IF p_member_id IS NOT NULL THEN
    UPDATE "MemberSpend" m SET "millicredits" = m."millicredits" - p_amount
      WHERE m."workspaceId" = p_workspace_id AND m."userId" = p_member_id AND m."month" = p_month;
  END IF;
END;
$$;
