-- Counts p_amount against the monthly spend of the call's key and member, in the UTC month p_month.
-- Returns NULL when it counted, or the refusal: 'spend_cap_reached' (the key's cap, p_cap) or
-- 'member_spend_cap_reached' (the member's cap, p_member_cap), having given back what it counted.
--
-- The key's spend is counted while the key has a cap; a member's whether or not they have one (the
-- team page shows it). Race-free: each counter moves through a conditional upsert
-- (INSERT ... ON CONFLICT DO UPDATE ... WHERE counter + amount <= cap), so parallel calls queue on
-- the counter's row and the check and the increment are one atomic step. Row locks are taken in
-- one order by every function — "ApiKeySpend", then "MemberSpend", then "Workspace", then "CreditBucket" — so no two
-- calls can deadlock.
create or replace function tollgate_count_spend(
  p_workspace_id text, p_api_key_id text, p_member_id text, p_month date,
  p_amount bigint, p_cap bigint, p_member_cap bigint
) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  IF p_amount <= 0 THEN
    RETURN NULL;
  END IF;
  IF p_cap IS NOT NULL THEN
    INSERT INTO "ApiKeySpend" AS s ("apiKeyId", "month", "millicredits")
      SELECT p_api_key_id, p_month, p_amount WHERE p_amount <= p_cap
    ON CONFLICT ("apiKeyId", "month") DO UPDATE SET "millicredits" = s."millicredits" + EXCLUDED."millicredits"
      WHERE s."millicredits" + EXCLUDED."millicredits" <= p_cap;
    IF NOT FOUND THEN
      RETURN 'spend_cap_reached';
    END IF;
  END IF;
  IF p_member_id IS NOT NULL THEN
    INSERT INTO "MemberSpend" AS m ("workspaceId", "userId", "month", "millicredits")
      SELECT p_workspace_id, p_member_id, p_month, p_amount WHERE p_member_cap IS NULL OR p_amount <= p_member_cap
    ON CONFLICT ("workspaceId", "userId", "month") DO UPDATE SET "millicredits" = m."millicredits" + EXCLUDED."millicredits"
      WHERE p_member_cap IS NULL OR m."millicredits" + EXCLUDED."millicredits" <= p_member_cap;
    IF NOT FOUND THEN
      PERFORM tollgate_uncount_spend(p_workspace_id, p_api_key_id, NULL, p_month, p_amount, p_cap);
      RETURN 'member_spend_cap_reached';
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
