-- Moves the spend counted for a reservation's key and member by p_delta, in the UTC month the
-- hold was made in. A counter is touched only where the hold counted it: the key's while the key
-- has a cap, the member's while the key's creator belongs to the workspace. Never below zero.
create or replace function tollgate_adjust_reservation_spend(p_res "Reservation", p_delta bigint)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_month date := date_trunc('month', p_res."createdAt")::date;
BEGIN
  IF p_delta = 0 OR p_res."apiKeyId" IS NULL THEN
    RETURN;
  END IF;
  UPDATE "ApiKeySpend" s SET "millicredits" = greatest(0, s."millicredits" + p_delta)
    FROM "ApiKey" k
    WHERE k.id = p_res."apiKeyId" AND k."monthlySpendCapMillicredits" IS NOT NULL
      AND s."apiKeyId" = k.id AND s."month" = v_month;
  UPDATE "MemberSpend" m SET "millicredits" = greatest(0, m."millicredits" + p_delta)
    FROM "ApiKey" k JOIN "Membership" ms ON ms."workspaceId" = k."workspaceId" AND ms."userId" = k."createdById"
    WHERE k.id = p_res."apiKeyId"
      AND m."workspaceId" = p_res."workspaceId" AND m."userId" = k."createdById" AND m."month" = v_month;
END;
$$;
