-- Expires a workspace's credit buckets whose time has come: each one's remainder leaves the
-- balance with an `expiry` ledger entry. Then records when the next bucket with credits left
-- expires ("Workspace"."creditsExpireAt"), so a charge knows without looking whether it must
-- come here first. Locks the workspace row before its buckets, as every charge does.
-- p_at: the moment to expire as of (default now; a month's first grant passes the month's start).
-- Returns the balance after.
create or replace function tollgate_expire_credits(p_workspace_id text, p_at timestamp DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp := coalesce(p_at, timezone('UTC', now()));
  v_balance bigint;
  b record;
BEGIN
  SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id FOR UPDATE;
  FOR b IN
    SELECT c.id, c."remainingMillicredits" AS remaining FROM "CreditBucket" c
     WHERE c."workspaceId" = p_workspace_id AND c."remainingMillicredits" > 0 AND c."expiresAt" <= v_now
     ORDER BY c."expiresAt", c.id
       FOR UPDATE
  LOOP
    UPDATE "CreditBucket" c SET "remainingMillicredits" = 0, "expiredMillicredits" = c."expiredMillicredits" + b.remaining
      WHERE c.id = b.id;
    v_balance := v_balance - b.remaining;
    -- A bucket can expire twice (a released hold gives credits back to it after it expired).
    PERFORM tollgate_ledger_entry('le_' || replace(gen_random_uuid()::text, '-', ''), p_workspace_id, 'expiry',
      -b.remaining, v_balance, 'expiry:' || b.id || ':' || (extract(epoch from v_now) * 1000)::bigint);
  END LOOP;
  UPDATE "Workspace" w SET "balanceMillicredits" = v_balance,
    "creditsExpireAt" = (SELECT min(c."expiresAt") FROM "CreditBucket" c
                          WHERE c."workspaceId" = p_workspace_id AND c."remainingMillicredits" > 0)
    WHERE w.id = p_workspace_id;
  RETURN v_balance;
END;
$$;
